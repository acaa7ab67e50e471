-- CreateIndex
CREATE INDEX "HourStat_start_idx" ON "HourStat"("start");
