-- CreateTable
CREATE TABLE "ScheduleRuleSet" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "rules" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "updatedBy" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Agent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "channels" TEXT NOT NULL,
    "weeklyHours" REAL NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Schedule" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
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
    "status" TEXT NOT NULL DEFAULT 'draft',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    "publishedAt" DATETIME,
    "publishedBy" TEXT,
    CONSTRAINT "Schedule_forecastId_fkey" FOREIGN KEY ("forecastId") REFERENCES "Forecast" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScheduleShift" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "scheduleId" INTEGER NOT NULL,
    "agentId" INTEGER,
    "type" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "start" DATETIME NOT NULL,
    "end" DATETIME NOT NULL,
    "paidHours" REAL NOT NULL,
    "breaks" TEXT NOT NULL,
    "editedAt" DATETIME,
    "editedBy" TEXT,
    CONSTRAINT "ScheduleShift_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "Schedule" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ScheduleShift_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Agent_name_key" ON "Agent"("name");

-- CreateIndex
CREATE INDEX "ScheduleShift_scheduleId_start_idx" ON "ScheduleShift"("scheduleId", "start");
