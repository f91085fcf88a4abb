-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "nextNudgeAt" TIMESTAMP(3),
ADD COLUMN     "nudgeRound" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Pulse" ADD COLUMN     "nextReminderAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobLease_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "Meeting_nextNudgeAt_idx" ON "Meeting"("nextNudgeAt");

-- CreateIndex
CREATE INDEX "Pulse_nextReminderAt_idx" ON "Pulse"("nextReminderAt");

-- CreateIndex
CREATE INDEX "Pulse_status_closesAt_idx" ON "Pulse"("status", "closesAt");


-- Data: meetings still polling and pulses not yet closed are looked at by the first tick after the
-- upgrade, which works out their next round (rounds already queued are not queued twice: the nudge's
-- outbox key is unique, a participant's remindersSent is kept). The columns hold UTC without a zone.
UPDATE "Meeting" SET "nextNudgeAt" = (now() AT TIME ZONE 'UTC') WHERE "status" = 'POLLING';
UPDATE "Pulse" SET "nextReminderAt" = (now() AT TIME ZONE 'UTC') WHERE "status" <> 'CLOSED';
