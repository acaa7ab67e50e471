-- CreateTable
CREATE TABLE "Operation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'America/Sao_Paulo',
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Channel" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'realtime',
    "concurrency" INTEGER NOT NULL DEFAULT 1,
    "slGoal" REAL NOT NULL DEFAULT 0.8,
    "slThresholdSec" INTEGER NOT NULL DEFAULT 20,
    "asaGoalSec" INTEGER,
    "maxOccupancy" REAL,
    "shrinkage" REAL NOT NULL DEFAULT 0.3,
    "patienceSec" INTEGER,
    "responseGoalSec" INTEGER,
    "sortOrder" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channelId" INTEGER NOT NULL,
    "externalId" TEXT NOT NULL,
    "arrivedAt" DATETIME NOT NULL,
    "outcome" TEXT NOT NULL,
    "waitSec" REAL NOT NULL,
    "handleSec" REAL NOT NULL,
    "agent" TEXT,
    "queue" TEXT,
    "fcr" BOOLEAN,
    "nps" INTEGER,
    CONSTRAINT "Contact_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IntervalStat" (
    "channelId" INTEGER NOT NULL,
    "start" DATETIME NOT NULL,
    "offered" INTEGER NOT NULL DEFAULT 0,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "abandoned" INTEGER NOT NULL DEFAULT 0,
    "answeredWithinThreshold" INTEGER NOT NULL DEFAULT 0,
    "abandonedWithinThreshold" INTEGER NOT NULL DEFAULT 0,
    "handleSecSum" REAL NOT NULL DEFAULT 0,
    "answeredWaitSecSum" REAL NOT NULL DEFAULT 0,
    "abandonedWaitSecSum" REAL NOT NULL DEFAULT 0,
    "fcrCount" INTEGER NOT NULL DEFAULT 0,
    "fcrResolved" INTEGER NOT NULL DEFAULT 0,
    "npsCount" INTEGER NOT NULL DEFAULT 0,
    "npsPromoters" INTEGER NOT NULL DEFAULT 0,
    "npsDetractors" INTEGER NOT NULL DEFAULT 0,
    "agentsStaffed" REAL,

    PRIMARY KEY ("channelId", "start"),
    CONSTRAINT "IntervalStat_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Channel_key_key" ON "Channel"("key");

-- CreateIndex
CREATE INDEX "Contact_channelId_arrivedAt_idx" ON "Contact"("channelId", "arrivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_channelId_externalId_key" ON "Contact"("channelId", "externalId");

-- CreateIndex
CREATE INDEX "IntervalStat_start_idx" ON "IntervalStat"("start");
