-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "seenLocale" TEXT;
