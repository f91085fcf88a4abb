-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN     "nextDigestAt" TIMESTAMP(3),
ADD COLUMN     "nextKickoffAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Measure" ADD COLUMN     "escalatedAt" TIMESTAMP(3),
ADD COLUMN     "followUpStage" TEXT,
ADD COLUMN     "nextFollowUpAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Cluster_nextDigestAt_idx" ON "Cluster"("nextDigestAt");

-- CreateIndex
CREATE INDEX "Cluster_nextKickoffAt_idx" ON "Cluster"("nextKickoffAt");

-- CreateIndex
CREATE INDEX "Measure_nextFollowUpAt_idx" ON "Measure"("nextFollowUpAt");


-- Data: nothing due may be forgotten. Open measures with an owner and live clusters are due now, so
-- the first tick recomputes their next moment from the policy (pings already queued keep their keys).
UPDATE "Measure" SET "nextFollowUpAt" = now()
 WHERE "ownerId" IS NOT NULL AND "status" IN ('PLANNED', 'STARTED', 'BLOCKED');
UPDATE "Cluster" SET "nextDigestAt" = now(), "nextKickoffAt" = now() WHERE "archivedAt" IS NULL;
