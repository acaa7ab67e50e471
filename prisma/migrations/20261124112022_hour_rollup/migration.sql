-- CreateTable
CREATE TABLE "HourStat" (
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

    PRIMARY KEY ("channelId", "start"),
    CONSTRAINT "HourStat_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Backfill the roll-up from the 15-minute aggregates already stored.
INSERT INTO "HourStat" ("channelId", "start", "offered", "answered", "abandoned", "answeredWithinThreshold",
    "abandonedWithinThreshold", "handleSecSum", "answeredWaitSecSum", "abandonedWaitSecSum", "fcrCount",
    "fcrResolved", "npsCount", "npsPromoters", "npsDetractors")
SELECT "channelId", "start" - "start" % 3600000, SUM("offered"), SUM("answered"), SUM("abandoned"),
    SUM("answeredWithinThreshold"), SUM("abandonedWithinThreshold"), SUM("handleSecSum"), SUM("answeredWaitSecSum"),
    SUM("abandonedWaitSecSum"), SUM("fcrCount"), SUM("fcrResolved"), SUM("npsCount"), SUM("npsPromoters"), SUM("npsDetractors")
FROM "IntervalStat"
GROUP BY "channelId", "start" - "start" % 3600000;
