-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "pollVersion" INTEGER NOT NULL DEFAULT 0;

