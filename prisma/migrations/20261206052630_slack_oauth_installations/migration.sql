-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "tenant" TEXT;

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
CREATE UNIQUE INDEX "SlackInstallation_teamId_key" ON "SlackInstallation"("teamId");

-- CreateIndex
CREATE INDEX "SlackOAuthState_expiresAt_idx" ON "SlackOAuthState"("expiresAt");

