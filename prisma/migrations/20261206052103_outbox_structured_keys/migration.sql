-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "personId" TEXT,
ADD COLUMN     "stage" TEXT,
ADD COLUMN     "subject" TEXT;

-- CreateIndex
CREATE INDEX "OutboxMessage_subject_stage_idx" ON "OutboxMessage"("subject", "stage");

-- CreateIndex
CREATE INDEX "OutboxMessage_personId_idx" ON "OutboxMessage"("personId");

-- CreateIndex
CREATE INDEX "OutboxMessage_target_idx" ON "OutboxMessage"("target");

-- CreateIndex
CREATE INDEX "OutboxMessage_clusterId_idx" ON "OutboxMessage"("clusterId");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_sentAt_idx" ON "OutboxMessage"("status", "sentAt");


-- Data: rows still waiting get their structured keys from their key ("<kind>:<id>:<stage>[:<personId>]"),
-- so that withdrawing a pending reminder after the upgrade finds rows queued before it.
UPDATE "OutboxMessage"
   SET "subject"  = split_part("key", ':', 1) || ':' || split_part("key", ':', 2),
       "stage"    = split_part("key", ':', 3),
       -- Only "<kind>:<id>:<stage>:<personId>" ends in a person: meeting reminders
       -- ("meeting:<id>:reminder-7d:s0:SLACK") and owner pings ("measure:<id>:due-7d") do not.
       "personId" = CASE WHEN array_length(string_to_array("key", ':'), 1) = 4
                           AND split_part("key", ':', 3) ~ '^(nudge-|reminder-[0-9]+$|escalate)'
                         THEN split_part("key", ':', 4) END
 WHERE "status" = 'PENDING' AND split_part("key", ':', 1) IN ('measure', 'meeting', 'pulse');
