-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_HourStat" (
    "channelId" INTEGER NOT NULL,
    "start" DATETIME NOT NULL,
    "offered" INTEGER NOT NULL DEFAULT 0,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "abandoned" INTEGER NOT NULL DEFAULT 0,
    "answeredWithinThreshold" INTEGER NOT NULL DEFAULT 0,
    "abandonedWithinThreshold" INTEGER NOT NULL DEFAULT 0,
    "handleSecSum" REAL NOT NULL DEFAULT 0,
    "answeredWaitSecSum" REAL NOT NULL DEFAULT 0,
    "abandonedWaitSecSum" REAL DEFAULT 0,
    "answeredOffered" INTEGER NOT NULL DEFAULT 0,
    "abandonedOffered" INTEGER NOT NULL DEFAULT 0,
    "slEligible" INTEGER NOT NULL DEFAULT 0,
    "ahtAnswered" INTEGER NOT NULL DEFAULT 0,
    "asaAnswered" INTEGER NOT NULL DEFAULT 0,
    "fcrCount" INTEGER NOT NULL DEFAULT 0,
    "fcrResolved" INTEGER NOT NULL DEFAULT 0,
    "npsCount" INTEGER NOT NULL DEFAULT 0,
    "npsPromoters" INTEGER NOT NULL DEFAULT 0,
    "npsDetractors" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("channelId", "start"),
    CONSTRAINT "HourStat_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_HourStat" ("abandoned", "abandonedWaitSecSum", "abandonedWithinThreshold", "answered", "answeredWaitSecSum", "answeredWithinThreshold", "channelId", "fcrCount", "fcrResolved", "handleSecSum", "npsCount", "npsDetractors", "npsPromoters", "offered", "start") SELECT "abandoned", "abandonedWaitSecSum", "abandonedWithinThreshold", "answered", "answeredWaitSecSum", "answeredWithinThreshold", "channelId", "fcrCount", "fcrResolved", "handleSecSum", "npsCount", "npsDetractors", "npsPromoters", "offered", "start" FROM "HourStat";
DROP TABLE "HourStat";
ALTER TABLE "new_HourStat" RENAME TO "HourStat";
CREATE INDEX "HourStat_start_idx" ON "HourStat"("start");
CREATE TABLE "new_IntervalStat" (
    "channelId" INTEGER NOT NULL,
    "start" DATETIME NOT NULL,
    "offered" INTEGER NOT NULL DEFAULT 0,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "abandoned" INTEGER NOT NULL DEFAULT 0,
    "answeredWithinThreshold" INTEGER NOT NULL DEFAULT 0,
    "abandonedWithinThreshold" INTEGER NOT NULL DEFAULT 0,
    "handleSecSum" REAL NOT NULL DEFAULT 0,
    "answeredWaitSecSum" REAL NOT NULL DEFAULT 0,
    "abandonedWaitSecSum" REAL DEFAULT 0,
    "answeredOffered" INTEGER NOT NULL DEFAULT 0,
    "abandonedOffered" INTEGER NOT NULL DEFAULT 0,
    "slEligible" INTEGER NOT NULL DEFAULT 0,
    "ahtAnswered" INTEGER NOT NULL DEFAULT 0,
    "asaAnswered" INTEGER NOT NULL DEFAULT 0,
    "fcrCount" INTEGER NOT NULL DEFAULT 0,
    "fcrResolved" INTEGER NOT NULL DEFAULT 0,
    "npsCount" INTEGER NOT NULL DEFAULT 0,
    "npsPromoters" INTEGER NOT NULL DEFAULT 0,
    "npsDetractors" INTEGER NOT NULL DEFAULT 0,
    "agentsStaffed" REAL,

    PRIMARY KEY ("channelId", "start"),
    CONSTRAINT "IntervalStat_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_IntervalStat" ("abandoned", "abandonedWaitSecSum", "abandonedWithinThreshold", "agentsStaffed", "answered", "answeredWaitSecSum", "answeredWithinThreshold", "channelId", "fcrCount", "fcrResolved", "handleSecSum", "npsCount", "npsDetractors", "npsPromoters", "offered", "start") SELECT "abandoned", "abandonedWaitSecSum", "abandonedWithinThreshold", "agentsStaffed", "answered", "answeredWaitSecSum", "answeredWithinThreshold", "channelId", "fcrCount", "fcrResolved", "handleSecSum", "npsCount", "npsDetractors", "npsPromoters", "offered", "start" FROM "IntervalStat";
DROP TABLE "IntervalStat";
ALTER TABLE "new_IntervalStat" RENAME TO "IntervalStat";
CREATE INDEX "IntervalStat_start_idx" ON "IntervalStat"("start");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Backfill what each measure is taken over (decision 007). A bucket holding contacts was
-- aggregated from them: every measure is known and the weights are exact.
UPDATE "IntervalStat" SET
    "answeredOffered" = "offered",
    "abandonedOffered" = "offered",
    "slEligible" = "offered" - "abandonedWithinThreshold",
    "ahtAnswered" = "answered",
    "asaAnswered" = "answered";

-- A bucket without contacts holds imported interval statistics, whose absent columns were
-- stored as 0: a count or a mean is taken as given only where the row shows it (a non-zero
-- value, or the other outcome filling offered), so what cannot be told from a 0 becomes unknown
-- rather than a 0% or a TMA of 0. Interval statistics never give the waits of abandoned contacts.
UPDATE "IntervalStat" SET
    "abandonedWaitSecSum" = NULL,
    "answeredOffered" = CASE WHEN "answered" > 0 OR ("abandoned" = "offered" AND "offered" > 0) THEN "offered" ELSE 0 END,
    "abandonedOffered" = CASE WHEN "abandoned" > 0 OR ("answered" = "offered" AND "offered" > 0) THEN "offered" ELSE 0 END,
    "slEligible" = CASE WHEN "answeredWithinThreshold" > 0 THEN "offered" - "abandonedWithinThreshold" ELSE 0 END,
    "ahtAnswered" = CASE WHEN "handleSecSum" > 0 THEN "answered" ELSE 0 END,
    "asaAnswered" = CASE WHEN "answeredWaitSecSum" > 0 THEN "answered" ELSE 0 END
WHERE NOT EXISTS (
    SELECT 1 FROM "Contact" c
    WHERE c."channelId" = "IntervalStat"."channelId" AND c."arrivedAt" >= "IntervalStat"."start" AND c."arrivedAt" < "IntervalStat"."start" + 900000
);

-- The hourly roll-up again, from the 15-minute rows.
DELETE FROM "HourStat";
INSERT INTO "HourStat" ("channelId", "start", "offered", "answered", "abandoned", "answeredWithinThreshold", "abandonedWithinThreshold",
    "handleSecSum", "answeredWaitSecSum", "abandonedWaitSecSum", "answeredOffered", "abandonedOffered", "slEligible", "ahtAnswered",
    "asaAnswered", "fcrCount", "fcrResolved", "npsCount", "npsPromoters", "npsDetractors")
SELECT "channelId", "start" - "start" % 3600000, SUM("offered"), SUM("answered"), SUM("abandoned"), SUM("answeredWithinThreshold"),
    SUM("abandonedWithinThreshold"), SUM("handleSecSum"), SUM("answeredWaitSecSum"), SUM("abandonedWaitSecSum"), SUM("answeredOffered"),
    SUM("abandonedOffered"), SUM("slEligible"), SUM("ahtAnswered"), SUM("asaAnswered"), SUM("fcrCount"), SUM("fcrResolved"),
    SUM("npsCount"), SUM("npsPromoters"), SUM("npsDetractors")
FROM "IntervalStat"
GROUP BY 1, 2;
