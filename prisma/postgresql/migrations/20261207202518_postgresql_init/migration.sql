-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Operation" (
    "id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'America/Sao_Paulo',
    "agentPlaceholders" TEXT NOT NULL DEFAULT '["NO_SERVER"]',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Operation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Channel" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'realtime',
    "concurrency" INTEGER NOT NULL DEFAULT 1,
    "slGoal" DOUBLE PRECISION NOT NULL DEFAULT 0.8,
    "slThresholdSec" INTEGER NOT NULL DEFAULT 20,
    "asaGoalSec" INTEGER,
    "maxOccupancy" DOUBLE PRECISION,
    "shrinkage" DOUBLE PRECISION NOT NULL DEFAULT 0.3,
    "patienceSec" INTEGER,
    "efficiency" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "responseGoalSec" INTEGER,
    "staffingModel" TEXT NOT NULL DEFAULT 'erlangC',
    "openingHours" TEXT,
    "plannedAhtSec" DOUBLE PRECISION,
    "plannedAhtProfile" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Channel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" SERIAL NOT NULL,
    "channelId" INTEGER NOT NULL,
    "externalId" TEXT NOT NULL,
    "arrivedAt" TIMESTAMPTZ(3) NOT NULL,
    "outcome" TEXT NOT NULL,
    "waitSec" DOUBLE PRECISION NOT NULL,
    "handleSec" DOUBLE PRECISION NOT NULL,
    "agent" TEXT,
    "queue" TEXT,
    "fcr" BOOLEAN,
    "nps" INTEGER,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntervalStat" (
    "channelId" INTEGER NOT NULL,
    "start" TIMESTAMPTZ(3) NOT NULL,
    "offered" INTEGER NOT NULL DEFAULT 0,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "abandoned" INTEGER NOT NULL DEFAULT 0,
    "answeredWithinThreshold" INTEGER NOT NULL DEFAULT 0,
    "abandonedWithinThreshold" INTEGER NOT NULL DEFAULT 0,
    "handleSecSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "answeredWaitSecSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "abandonedWaitSecSum" DOUBLE PRECISION DEFAULT 0,
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
    "agentsStaffed" DOUBLE PRECISION,
    "agentsOnDuty" DOUBLE PRECISION,

    CONSTRAINT "IntervalStat_pkey" PRIMARY KEY ("channelId","start")
);

-- CreateTable
CREATE TABLE "HourStat" (
    "channelId" INTEGER NOT NULL,
    "start" TIMESTAMPTZ(3) NOT NULL,
    "offered" INTEGER NOT NULL DEFAULT 0,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "abandoned" INTEGER NOT NULL DEFAULT 0,
    "answeredWithinThreshold" INTEGER NOT NULL DEFAULT 0,
    "abandonedWithinThreshold" INTEGER NOT NULL DEFAULT 0,
    "handleSecSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "answeredWaitSecSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "abandonedWaitSecSum" DOUBLE PRECISION DEFAULT 0,
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

    CONSTRAINT "HourStat_pkey" PRIMARY KEY ("channelId","start")
);

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "inserted" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "errors" TEXT NOT NULL DEFAULT '[]',
    "channelsCreated" TEXT NOT NULL DEFAULT '[]',
    "firstAt" TIMESTAMPTZ(3),
    "lastAt" TIMESTAMPTZ(3),

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpecialDay" (
    "date" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "adjustPct" DOUBLE PRECISION,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,

    CONSTRAINT "SpecialDay_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "Forecast" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "intervalMin" INTEGER NOT NULL,
    "timeZone" TEXT NOT NULL,
    "historyFrom" TEXT NOT NULL,
    "historyTo" TEXT NOT NULL,
    "firstDay" TEXT NOT NULL,
    "horizonDays" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,

    CONSTRAINT "Forecast_pkey" PRIMARY KEY ("id")
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
    "dispersion" DOUBLE PRECISION NOT NULL,
    "gaps" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "ForecastChannel_pkey" PRIMARY KEY ("forecastId","channelId")
);

-- CreateTable
CREATE TABLE "ForecastInterval" (
    "forecastId" INTEGER NOT NULL,
    "channelId" INTEGER NOT NULL,
    "start" TIMESTAMPTZ(3) NOT NULL,
    "offered" DOUBLE PRECISION NOT NULL,
    "lower" DOUBLE PRECISION NOT NULL,
    "upper" DOUBLE PRECISION NOT NULL,
    "aht" DOUBLE PRECISION,
    "adjusted" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "ForecastInterval_pkey" PRIMARY KEY ("forecastId","channelId","start")
);

-- CreateTable
CREATE TABLE "ForecastOverride" (
    "id" SERIAL NOT NULL,
    "forecastId" INTEGER NOT NULL,
    "channelId" INTEGER,
    "start" TIMESTAMPTZ(3) NOT NULL,
    "end" TIMESTAMPTZ(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "amount" DOUBLE PRECISION NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,

    CONSTRAINT "ForecastOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Scenario" (
    "id" SERIAL NOT NULL,
    "forecastId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "changes" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,

    CONSTRAINT "Scenario_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScheduleRuleSet" (
    "id" INTEGER NOT NULL,
    "rules" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "ScheduleRuleSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agent" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "channels" TEXT NOT NULL,
    "weeklyHours" DOUBLE PRECISION NOT NULL,
    "availability" TEXT,
    "shiftTypes" TEXT NOT NULL DEFAULT '[]',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Agent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Schedule" (
    "id" SERIAL NOT NULL,
    "forecastId" INTEGER,
    "channelKey" TEXT,
    "firstDay" TEXT NOT NULL,
    "days" INTEGER NOT NULL,
    "timeZone" TEXT NOT NULL,
    "intervalMin" INTEGER NOT NULL,
    "requirement" TEXT NOT NULL,
    "rules" TEXT NOT NULL,
    "daysOff" TEXT NOT NULL,
    "lpBound" DOUBLE PRECISION NOT NULL,
    "objective" DOUBLE PRECISION NOT NULL,
    "gap" DOUBLE PRECISION NOT NULL,
    "mipBound" DOUBLE PRECISION,
    "solverStatus" TEXT NOT NULL,
    "solveMs" INTEGER NOT NULL,
    "solvePhases" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    "publishedAt" TIMESTAMPTZ(3),
    "publishedBy" TEXT,

    CONSTRAINT "Schedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScheduleShift" (
    "id" SERIAL NOT NULL,
    "scheduleId" INTEGER NOT NULL,
    "agentId" INTEGER,
    "type" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "start" TIMESTAMPTZ(3) NOT NULL,
    "end" TIMESTAMPTZ(3) NOT NULL,
    "paidHours" DOUBLE PRECISION NOT NULL,
    "breaks" TEXT NOT NULL,
    "channels" TEXT,
    "editedAt" TIMESTAMPTZ(3),
    "editedBy" TEXT,

    CONSTRAINT "ScheduleShift_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT true,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastLoginAt" TIMESTAMPTZ(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginFailure" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LoginFailure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" INTEGER,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "details" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppSecret" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "AppSecret_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "input" TEXT NOT NULL,
    "result" TEXT,
    "error" TEXT,
    "userId" INTEGER,
    "actor" TEXT NOT NULL,
    "pid" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Channel_key_key" ON "Channel"("key");

-- CreateIndex
CREATE INDEX "Contact_channelId_arrivedAt_idx" ON "Contact"("channelId", "arrivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_channelId_externalId_key" ON "Contact"("channelId", "externalId");

-- CreateIndex
CREATE INDEX "IntervalStat_start_idx" ON "IntervalStat"("start");

-- CreateIndex
CREATE INDEX "HourStat_start_idx" ON "HourStat"("start");

-- CreateIndex
CREATE INDEX "ForecastOverride_forecastId_idx" ON "ForecastOverride"("forecastId");

-- CreateIndex
CREATE INDEX "Scenario_forecastId_idx" ON "Scenario"("forecastId");

-- CreateIndex
CREATE UNIQUE INDEX "Agent_name_key" ON "Agent"("name");

-- CreateIndex
CREATE INDEX "ScheduleShift_scheduleId_start_idx" ON "ScheduleShift"("scheduleId", "start");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "LoginFailure_email_ip_at_idx" ON "LoginFailure"("email", "ip", "at");

-- CreateIndex
CREATE INDEX "LoginFailure_ip_at_idx" ON "LoginFailure"("ip", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actor_at_idx" ON "AuditEvent"("actor", "at");

-- CreateIndex
CREATE INDEX "Job_kind_state_idx" ON "Job"("kind", "state");

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntervalStat" ADD CONSTRAINT "IntervalStat_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HourStat" ADD CONSTRAINT "HourStat_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForecastChannel" ADD CONSTRAINT "ForecastChannel_forecastId_fkey" FOREIGN KEY ("forecastId") REFERENCES "Forecast"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForecastChannel" ADD CONSTRAINT "ForecastChannel_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForecastInterval" ADD CONSTRAINT "ForecastInterval_forecastId_fkey" FOREIGN KEY ("forecastId") REFERENCES "Forecast"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForecastInterval" ADD CONSTRAINT "ForecastInterval_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForecastOverride" ADD CONSTRAINT "ForecastOverride_forecastId_fkey" FOREIGN KEY ("forecastId") REFERENCES "Forecast"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForecastOverride" ADD CONSTRAINT "ForecastOverride_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scenario" ADD CONSTRAINT "Scenario_forecastId_fkey" FOREIGN KEY ("forecastId") REFERENCES "Forecast"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Schedule" ADD CONSTRAINT "Schedule_forecastId_fkey" FOREIGN KEY ("forecastId") REFERENCES "Forecast"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduleShift" ADD CONSTRAINT "ScheduleShift_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "Schedule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduleShift" ADD CONSTRAINT "ScheduleShift_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
