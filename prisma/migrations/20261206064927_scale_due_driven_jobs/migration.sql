-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN     "nextDigestAt" TIMESTAMP(3),
ADD COLUMN     "nextKickoffAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "nextNudgeAt" TIMESTAMP(3),
ADD COLUMN     "nudgeRound" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pollVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Measure" ADD COLUMN     "escalatedAt" TIMESTAMP(3),
ADD COLUMN     "followUpStage" TEXT,
ADD COLUMN     "nextFollowUpAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Pulse" ADD COLUMN     "nextReminderAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "tenant" TEXT;

-- CreateTable
CREATE TABLE "SlackDmChannel" (
    "teamId" TEXT NOT NULL DEFAULT '',
    "userId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlackDmChannel_pkey" PRIMARY KEY ("userId","teamId")
);

-- CreateTable
CREATE TABLE "DeliveryThrottle" (
    "platform" "Platform" NOT NULL,
    "conversation" TEXT NOT NULL DEFAULT '',
    "method" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeliveryThrottle_pkey" PRIMARY KEY ("platform","conversation","method")
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobLease_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "SlackInstallation" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "enterpriseId" TEXT,
    "appId" TEXT,
    "botId" TEXT,
    "botUserId" TEXT NOT NULL,
    "botTokenEncrypted" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "installerUserId" TEXT,
    "installedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlackInstallation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlackOAuthState" (
    "stateHash" TEXT NOT NULL,
    "installOptions" JSONB NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlackOAuthState_pkey" PRIMARY KEY ("stateHash")
);

-- CreateIndex
CREATE INDEX "DeliveryThrottle_until_idx" ON "DeliveryThrottle"("until");

-- CreateIndex
CREATE UNIQUE INDEX "SlackInstallation_teamId_key" ON "SlackInstallation"("teamId");

-- CreateIndex
CREATE INDEX "SlackOAuthState_expiresAt_idx" ON "SlackOAuthState"("expiresAt");

-- CreateIndex
CREATE INDEX "Cluster_nextDigestAt_idx" ON "Cluster"("nextDigestAt");

-- CreateIndex
CREATE INDEX "Cluster_nextKickoffAt_idx" ON "Cluster"("nextKickoffAt");

-- CreateIndex
CREATE INDEX "Meeting_nextNudgeAt_idx" ON "Meeting"("nextNudgeAt");

-- CreateIndex
CREATE INDEX "Measure_nextFollowUpAt_idx" ON "Measure"("nextFollowUpAt");

-- CreateIndex
CREATE INDEX "Pulse_nextReminderAt_idx" ON "Pulse"("nextReminderAt");

-- CreateIndex
CREATE INDEX "Pulse_status_closesAt_idx" ON "Pulse"("status", "closesAt");


-- Data: meetings still polling and pulses not yet closed are looked at by the first tick after the
-- upgrade, which works out their next round (rounds already queued are not queued twice: the nudge's
-- outbox key is unique, a participant's remindersSent is kept). The columns hold UTC without a zone.
UPDATE "Meeting" SET "nextNudgeAt" = (now() AT TIME ZONE 'UTC') WHERE "status" = 'POLLING';
UPDATE "Pulse" SET "nextReminderAt" = (now() AT TIME ZONE 'UTC') WHERE "status" <> 'CLOSED';

-- Nothing due may be forgotten. Open measures with an owner and live clusters are due now, so
-- the first tick recomputes their next moment from the policy (pings already queued keep their keys).
UPDATE "Measure" SET "nextFollowUpAt" = (now() AT TIME ZONE 'UTC')
 WHERE "ownerId" IS NOT NULL AND "status" IN ('PLANNED', 'STARTED', 'BLOCKED');
UPDATE "Cluster" SET "nextDigestAt" = (now() AT TIME ZONE 'UTC'), "nextKickoffAt" = (now() AT TIME ZONE 'UTC') WHERE "archivedAt" IS NULL;

-- Bridged-channel rows still waiting get the structured keys the mirror now looks them up by
-- (a redraw of a posted copy: subject "copy:<platform>:<messageId>", stage "redraw"; a mirror post:
-- subject "<subjectType>:<subjectId>", stage "mirror-post"). Taken from the payload, not the key:
-- message ids may hold ":".
UPDATE "OutboxMessage"
   SET "subject" = 'copy:' || "platform"::text || ':' || ("payload"::jsonb -> 'update' ->> 'messageId'),
       "stage"   = 'redraw'
 WHERE "status" = 'PENDING' AND "subject" IS NULL AND "key" LIKE 'mirror:update:%'
   AND ("payload"::jsonb -> 'update' ->> 'messageId') IS NOT NULL;
UPDATE "OutboxMessage"
   SET "subject" = CASE WHEN ("payload"::jsonb -> 'track' ->> 'type') IS NOT NULL
                        THEN ("payload"::jsonb -> 'track' ->> 'type') || ':' || ("payload"::jsonb -> 'track' ->> 'id')
                   END,
       "stage"   = 'mirror-post'
 WHERE "status" = 'PENDING' AND "subject" IS NULL AND "key" LIKE 'mirror:post:%';
