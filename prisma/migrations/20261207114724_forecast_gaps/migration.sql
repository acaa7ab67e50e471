-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ForecastChannel" (
    "forecastId" INTEGER NOT NULL,
    "channelId" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "choice" TEXT,
    "scores" TEXT NOT NULL,
    "origins" INTEGER NOT NULL,
    "dispersion" REAL NOT NULL,
    "gaps" TEXT NOT NULL DEFAULT '[]',

    PRIMARY KEY ("forecastId", "channelId"),
    CONSTRAINT "ForecastChannel_forecastId_fkey" FOREIGN KEY ("forecastId") REFERENCES "Forecast" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ForecastChannel_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ForecastChannel" ("channelId", "choice", "dispersion", "forecastId", "method", "origins", "params", "scores") SELECT "channelId", "choice", "dispersion", "forecastId", "method", "origins", "params", "scores" FROM "ForecastChannel";
DROP TABLE "ForecastChannel";
ALTER TABLE "new_ForecastChannel" RENAME TO "ForecastChannel";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
