-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "heartbeatAt" TIMESTAMPTZ(3),
ADD COLUMN     "owner" TEXT;

-- CreateTable
CREATE TABLE "DataVersion" (
    "kind" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("kind")
);

-- Written by hand (decision 022): each statement that changes a kind of data bumps that kind's
-- version in the same transaction, so an app process's kept views see the change when it commits
-- and never before. Statement-level: one bump per statement, however many rows (an import's
-- 10M contacts cost one). Sessions, login failures, audit, secrets, users and jobs are no kind:
-- writing them must not throw kept views away.
CREATE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DataVersion" ("kind", "version") VALUES (TG_ARGV[0], 1)
  ON CONFLICT ("kind") DO UPDATE SET "version" = "DataVersion"."version" + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Operation_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Operation" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('settings');
CREATE TRIGGER "Channel_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Channel" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('settings');
CREATE TRIGGER "SpecialDay_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SpecialDay" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('settings');
CREATE TRIGGER "ScheduleRuleSet_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ScheduleRuleSet" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('settings');
CREATE TRIGGER "Contact_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Contact" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('contacts');
CREATE TRIGGER "IntervalStat_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "IntervalStat" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('contacts');
CREATE TRIGGER "HourStat_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "HourStat" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('contacts');
CREATE TRIGGER "ImportRun_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ImportRun" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('contacts');
CREATE TRIGGER "Forecast_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Forecast" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('forecasts');
CREATE TRIGGER "ForecastChannel_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ForecastChannel" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('forecasts');
CREATE TRIGGER "ForecastInterval_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ForecastInterval" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('forecasts');
CREATE TRIGGER "ForecastOverride_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ForecastOverride" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('forecasts');
CREATE TRIGGER "Scenario_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Scenario" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('forecasts');
CREATE TRIGGER "Agent_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Agent" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('schedules');
CREATE TRIGGER "Schedule_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Schedule" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('schedules');
CREATE TRIGGER "ScheduleShift_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ScheduleShift" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"('schedules');
