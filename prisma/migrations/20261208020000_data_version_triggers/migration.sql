-- Written by hand (issue 20, decision 013): what PostgreSQL's statement-level triggers do (decision
-- 022), SQLite does per row: each change to a table of data bumps its kind's DataVersion row in the
-- same transaction, so kept views are dropped when data changes and not when a session, a login
-- failure, an audit row, a user or a job is written (SQLite's data_version moved for all of them).
-- An import's upsert skips unchanged rows, so those fire nothing.
INSERT OR IGNORE INTO "DataVersion" ("kind", "version") VALUES ('contacts', 0), ('forecasts', 0), ('schedules', 0), ('settings', 0);
CREATE TRIGGER "Operation_data_version_insert" AFTER INSERT ON "Operation" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'settings'; END;
CREATE TRIGGER "Operation_data_version_update" AFTER UPDATE ON "Operation" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'settings'; END;
CREATE TRIGGER "Operation_data_version_delete" AFTER DELETE ON "Operation" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'settings'; END;
CREATE TRIGGER "Channel_data_version_insert" AFTER INSERT ON "Channel" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'settings'; END;
CREATE TRIGGER "Channel_data_version_update" AFTER UPDATE ON "Channel" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'settings'; END;
CREATE TRIGGER "Channel_data_version_delete" AFTER DELETE ON "Channel" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'settings'; END;
CREATE TRIGGER "SpecialDay_data_version_insert" AFTER INSERT ON "SpecialDay" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'settings'; END;
CREATE TRIGGER "SpecialDay_data_version_update" AFTER UPDATE ON "SpecialDay" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'settings'; END;
CREATE TRIGGER "SpecialDay_data_version_delete" AFTER DELETE ON "SpecialDay" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'settings'; END;
CREATE TRIGGER "ScheduleRuleSet_data_version_insert" AFTER INSERT ON "ScheduleRuleSet" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'settings'; END;
CREATE TRIGGER "ScheduleRuleSet_data_version_update" AFTER UPDATE ON "ScheduleRuleSet" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'settings'; END;
CREATE TRIGGER "ScheduleRuleSet_data_version_delete" AFTER DELETE ON "ScheduleRuleSet" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'settings'; END;
CREATE TRIGGER "Contact_data_version_insert" AFTER INSERT ON "Contact" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'contacts'; END;
CREATE TRIGGER "Contact_data_version_update" AFTER UPDATE ON "Contact" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'contacts'; END;
CREATE TRIGGER "Contact_data_version_delete" AFTER DELETE ON "Contact" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'contacts'; END;
CREATE TRIGGER "IntervalStat_data_version_insert" AFTER INSERT ON "IntervalStat" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'contacts'; END;
CREATE TRIGGER "IntervalStat_data_version_update" AFTER UPDATE ON "IntervalStat" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'contacts'; END;
CREATE TRIGGER "IntervalStat_data_version_delete" AFTER DELETE ON "IntervalStat" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'contacts'; END;
CREATE TRIGGER "HourStat_data_version_insert" AFTER INSERT ON "HourStat" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'contacts'; END;
CREATE TRIGGER "HourStat_data_version_update" AFTER UPDATE ON "HourStat" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'contacts'; END;
CREATE TRIGGER "HourStat_data_version_delete" AFTER DELETE ON "HourStat" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'contacts'; END;
CREATE TRIGGER "ImportRun_data_version_insert" AFTER INSERT ON "ImportRun" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'contacts'; END;
CREATE TRIGGER "ImportRun_data_version_update" AFTER UPDATE ON "ImportRun" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'contacts'; END;
CREATE TRIGGER "ImportRun_data_version_delete" AFTER DELETE ON "ImportRun" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'contacts'; END;
CREATE TRIGGER "Forecast_data_version_insert" AFTER INSERT ON "Forecast" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'forecasts'; END;
CREATE TRIGGER "Forecast_data_version_update" AFTER UPDATE ON "Forecast" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'forecasts'; END;
CREATE TRIGGER "Forecast_data_version_delete" AFTER DELETE ON "Forecast" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'forecasts'; END;
CREATE TRIGGER "ForecastChannel_data_version_insert" AFTER INSERT ON "ForecastChannel" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'forecasts'; END;
CREATE TRIGGER "ForecastChannel_data_version_update" AFTER UPDATE ON "ForecastChannel" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'forecasts'; END;
CREATE TRIGGER "ForecastChannel_data_version_delete" AFTER DELETE ON "ForecastChannel" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'forecasts'; END;
CREATE TRIGGER "ForecastInterval_data_version_insert" AFTER INSERT ON "ForecastInterval" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'forecasts'; END;
CREATE TRIGGER "ForecastInterval_data_version_update" AFTER UPDATE ON "ForecastInterval" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'forecasts'; END;
CREATE TRIGGER "ForecastInterval_data_version_delete" AFTER DELETE ON "ForecastInterval" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'forecasts'; END;
CREATE TRIGGER "ForecastOverride_data_version_insert" AFTER INSERT ON "ForecastOverride" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'forecasts'; END;
CREATE TRIGGER "ForecastOverride_data_version_update" AFTER UPDATE ON "ForecastOverride" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'forecasts'; END;
CREATE TRIGGER "ForecastOverride_data_version_delete" AFTER DELETE ON "ForecastOverride" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'forecasts'; END;
CREATE TRIGGER "Scenario_data_version_insert" AFTER INSERT ON "Scenario" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'forecasts'; END;
CREATE TRIGGER "Scenario_data_version_update" AFTER UPDATE ON "Scenario" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'forecasts'; END;
CREATE TRIGGER "Scenario_data_version_delete" AFTER DELETE ON "Scenario" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'forecasts'; END;
CREATE TRIGGER "Agent_data_version_insert" AFTER INSERT ON "Agent" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'schedules'; END;
CREATE TRIGGER "Agent_data_version_update" AFTER UPDATE ON "Agent" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'schedules'; END;
CREATE TRIGGER "Agent_data_version_delete" AFTER DELETE ON "Agent" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'schedules'; END;
CREATE TRIGGER "Schedule_data_version_insert" AFTER INSERT ON "Schedule" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'schedules'; END;
CREATE TRIGGER "Schedule_data_version_update" AFTER UPDATE ON "Schedule" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'schedules'; END;
CREATE TRIGGER "Schedule_data_version_delete" AFTER DELETE ON "Schedule" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'schedules'; END;
CREATE TRIGGER "ScheduleShift_data_version_insert" AFTER INSERT ON "ScheduleShift" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'schedules'; END;
CREATE TRIGGER "ScheduleShift_data_version_update" AFTER UPDATE ON "ScheduleShift" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'schedules'; END;
CREATE TRIGGER "ScheduleShift_data_version_delete" AFTER DELETE ON "ScheduleShift" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "kind" = 'schedules'; END;
