-- DropIndex
DROP INDEX "PulseResponse_tokenHash_key";

-- AlterTable
ALTER TABLE "PulseResponse" DROP COLUMN "tokenHash";

-- CreateTable
CREATE TABLE "PulseDraft" (
    "tokenHash" TEXT NOT NULL,
    "pulseId" TEXT NOT NULL,
    "sealed" TEXT NOT NULL,

    CONSTRAINT "PulseDraft_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "PulsePool" (
    "pulseId" TEXT NOT NULL,
    "responses" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "PulsePool_pkey" PRIMARY KEY ("pulseId")
);

-- CreateIndex
CREATE INDEX "PulseDraft_pulseId_idx" ON "PulseDraft"("pulseId");

-- AddForeignKey
ALTER TABLE "PulseDraft" ADD CONSTRAINT "PulseDraft_pulseId_fkey" FOREIGN KEY ("pulseId") REFERENCES "Pulse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PulsePool" ADD CONSTRAINT "PulsePool_pulseId_fkey" FOREIGN KEY ("pulseId") REFERENCES "Pulse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

