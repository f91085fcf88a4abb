-- AlterTable
ALTER TABLE "Pulse" ADD COLUMN     "skills" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "PulseResponse" ADD COLUMN     "submitted" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "tokenHash" TEXT,
ALTER COLUMN "submittedAt" DROP NOT NULL,
ALTER COLUMN "submittedAt" DROP DEFAULT;

-- CreateIndex
CREATE UNIQUE INDEX "PulseResponse_tokenHash_key" ON "PulseResponse"("tokenHash");

