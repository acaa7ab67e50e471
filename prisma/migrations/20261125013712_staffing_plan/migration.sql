-- CreateTable
CREATE TABLE "Scenario" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "forecastId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "changes" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    CONSTRAINT "Scenario_forecastId_fkey" FOREIGN KEY ("forecastId") REFERENCES "Forecast" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable: new columns only (a table rebuild would drop Channel under its foreign keys)
ALTER TABLE "Channel" ADD COLUMN "staffingModel" TEXT NOT NULL DEFAULT 'erlangC';
ALTER TABLE "Channel" ADD COLUMN "openingHours" TEXT;

-- CreateIndex
CREATE INDEX "Scenario_forecastId_idx" ON "Scenario"("forecastId");
