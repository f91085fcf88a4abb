-- AlterTable
ALTER TABLE "Signal" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

