-- AlterTable
ALTER TABLE "Pulse" ADD COLUMN     "summary" JSONB;

