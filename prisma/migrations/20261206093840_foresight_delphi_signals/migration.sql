-- CreateEnum
CREATE TYPE "DelphiStatus" AS ENUM ('OPEN', 'BETWEEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "PestelCategory" AS ENUM ('POLITICAL', 'ECONOMIC', 'SOCIAL', 'TECHNOLOGICAL', 'ENVIRONMENTAL', 'LEGAL');

-- CreateTable
CREATE TABLE "Delphi" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "scales" JSONB NOT NULL,
    "status" "DelphiStatus" NOT NULL DEFAULT 'OPEN',
    "round" INTEGER NOT NULL DEFAULT 1,
    "roundClosesAt" TIMESTAMP(3),
    "nextRoundOpensAt" TIMESTAMP(3),
    "roundHours" INTEGER NOT NULL DEFAULT 168,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Delphi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DelphiRound" (
    "delphiId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "DelphiRound_pkey" PRIMARY KEY ("delphiId","number")
);

-- CreateTable
CREATE TABLE "DelphiStatement" (
    "id" TEXT NOT NULL,
    "delphiId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "agendaItemId" TEXT,

    CONSTRAINT "DelphiStatement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DelphiAnswered" (
    "delphiId" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "personId" TEXT NOT NULL,

    CONSTRAINT "DelphiAnswered_pkey" PRIMARY KEY ("statementId","round","personId")
);

-- CreateTable
CREATE TABLE "DelphiPool" (
    "statementId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "ratings" JSONB NOT NULL DEFAULT '[]',
    "reasons" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "DelphiPool_pkey" PRIMARY KEY ("statementId","round")
);

-- CreateTable
CREATE TABLE "DelphiSeal" (
    "tokenHash" TEXT NOT NULL,
    "delphiId" TEXT NOT NULL,
    "sealed" TEXT NOT NULL,

    CONSTRAINT "DelphiSeal_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "Signal" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "category" "PestelCategory" NOT NULL,
    "significance" INTEGER NOT NULL,
    "timeliness" INTEGER NOT NULL,
    "messageLink" TEXT,
    "savedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "measureId" TEXT,
    "agendaItemId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Signal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignalRating" (
    "id" TEXT NOT NULL,
    "signalId" TEXT NOT NULL,
    "personId" TEXT,
    "plausibility" INTEGER,
    "significance" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignalRating_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Delphi_clusterId_idx" ON "Delphi"("clusterId");

-- CreateIndex
CREATE INDEX "Delphi_status_roundClosesAt_idx" ON "Delphi"("status", "roundClosesAt");

-- CreateIndex
CREATE INDEX "Delphi_nextRoundOpensAt_idx" ON "Delphi"("nextRoundOpensAt");

-- CreateIndex
CREATE UNIQUE INDEX "DelphiStatement_delphiId_position_key" ON "DelphiStatement"("delphiId", "position");

-- CreateIndex
CREATE INDEX "DelphiAnswered_delphiId_round_personId_idx" ON "DelphiAnswered"("delphiId", "round", "personId");

-- CreateIndex
CREATE INDEX "DelphiAnswered_personId_idx" ON "DelphiAnswered"("personId");

-- CreateIndex
CREATE INDEX "DelphiSeal_delphiId_idx" ON "DelphiSeal"("delphiId");

-- CreateIndex
CREATE INDEX "Signal_clusterId_createdAt_idx" ON "Signal"("clusterId", "createdAt");

-- CreateIndex
CREATE INDEX "Signal_savedById_idx" ON "Signal"("savedById");

-- CreateIndex
CREATE INDEX "SignalRating_personId_idx" ON "SignalRating"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "SignalRating_signalId_personId_key" ON "SignalRating"("signalId", "personId");

-- AddForeignKey
ALTER TABLE "Delphi" ADD CONSTRAINT "Delphi_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DelphiRound" ADD CONSTRAINT "DelphiRound_delphiId_fkey" FOREIGN KEY ("delphiId") REFERENCES "Delphi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DelphiStatement" ADD CONSTRAINT "DelphiStatement_delphiId_fkey" FOREIGN KEY ("delphiId") REFERENCES "Delphi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DelphiStatement" ADD CONSTRAINT "DelphiStatement_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DelphiAnswered" ADD CONSTRAINT "DelphiAnswered_delphiId_fkey" FOREIGN KEY ("delphiId") REFERENCES "Delphi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DelphiAnswered" ADD CONSTRAINT "DelphiAnswered_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "DelphiStatement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DelphiAnswered" ADD CONSTRAINT "DelphiAnswered_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DelphiPool" ADD CONSTRAINT "DelphiPool_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "DelphiStatement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DelphiSeal" ADD CONSTRAINT "DelphiSeal_delphiId_fkey" FOREIGN KEY ("delphiId") REFERENCES "Delphi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signal" ADD CONSTRAINT "Signal_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signal" ADD CONSTRAINT "Signal_savedById_fkey" FOREIGN KEY ("savedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signal" ADD CONSTRAINT "Signal_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signal" ADD CONSTRAINT "Signal_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignalRating" ADD CONSTRAINT "SignalRating_signalId_fkey" FOREIGN KEY ("signalId") REFERENCES "Signal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignalRating" ADD CONSTRAINT "SignalRating_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

