-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Schedule" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "forecastId" INTEGER,
    "channelKey" TEXT,
    "firstDay" TEXT NOT NULL,
    "days" INTEGER NOT NULL,
    "timeZone" TEXT NOT NULL,
    "intervalMin" INTEGER NOT NULL,
    "requirement" TEXT NOT NULL,
    "rules" TEXT NOT NULL,
    "daysOff" TEXT NOT NULL,
    "lpBound" REAL NOT NULL,
    "objective" REAL NOT NULL,
    "gap" REAL NOT NULL,
    "solverStatus" TEXT NOT NULL,
    "solveMs" INTEGER NOT NULL,
    "solvePhases" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    "publishedAt" DATETIME,
    "publishedBy" TEXT,
    CONSTRAINT "Schedule_forecastId_fkey" FOREIGN KEY ("forecastId") REFERENCES "Forecast" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Schedule" ("channelKey", "createdAt", "createdBy", "days", "daysOff", "firstDay", "forecastId", "gap", "id", "intervalMin", "lpBound", "objective", "publishedAt", "publishedBy", "requirement", "rules", "solveMs", "solvePhases", "solverStatus", "status", "timeZone") SELECT "channelKey", "createdAt", "createdBy", "days", "daysOff", "firstDay", "forecastId", "gap", "id", "intervalMin", "lpBound", "objective", "publishedAt", "publishedBy", "requirement", "rules", "solveMs", "solvePhases", "solverStatus", "status", "timeZone" FROM "Schedule";
DROP TABLE "Schedule";
ALTER TABLE "new_Schedule" RENAME TO "Schedule";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
