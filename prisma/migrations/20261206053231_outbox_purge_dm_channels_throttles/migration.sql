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

-- CreateIndex
CREATE INDEX "DeliveryThrottle_until_idx" ON "DeliveryThrottle"("until");


-- Data: bridged-channel rows still waiting get the structured keys the mirror now looks them up by
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
