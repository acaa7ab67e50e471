-- CreateTable
CREATE TABLE "SpecialDay" (
    "date" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "adjustPct" REAL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Forecast" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "intervalMin" INTEGER NOT NULL,
    "timeZone" TEXT NOT NULL,
    "historyFrom" TEXT NOT NULL,
    "historyTo" TEXT NOT NULL,
    "firstDay" TEXT NOT NULL,
    "horizonDays" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "ForecastChannel" (
    "forecastId" INTEGER NOT NULL,
    "channelId" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "choice" TEXT,
    "scores" TEXT NOT NULL,
    "origins" INTEGER NOT NULL,
    "dispersion" REAL NOT NULL,

    PRIMARY KEY ("forecastId", "channelId"),
    CONSTRAINT "ForecastChannel_forecastId_fkey" FOREIGN KEY ("forecastId") REFERENCES "Forecast" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ForecastChannel_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ForecastInterval" (
    "forecastId" INTEGER NOT NULL,
    "channelId" INTEGER NOT NULL,
    "start" DATETIME NOT NULL,
    "offered" REAL NOT NULL,
    "lower" REAL NOT NULL,
    "upper" REAL NOT NULL,
    "aht" REAL,
    "adjusted" REAL NOT NULL,

    PRIMARY KEY ("forecastId", "channelId", "start"),
    CONSTRAINT "ForecastInterval_forecastId_fkey" FOREIGN KEY ("forecastId") REFERENCES "Forecast" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ForecastInterval_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ForecastOverride" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "forecastId" INTEGER NOT NULL,
    "channelId" INTEGER,
    "start" DATETIME NOT NULL,
    "end" DATETIME NOT NULL,
    "kind" TEXT NOT NULL,
    "amount" REAL NOT NULL,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    CONSTRAINT "ForecastOverride_forecastId_fkey" FOREIGN KEY ("forecastId") REFERENCES "Forecast" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ForecastOverride_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ForecastOverride_forecastId_idx" ON "ForecastOverride"("forecastId");
