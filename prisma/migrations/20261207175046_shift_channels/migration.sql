-- AlterTable
ALTER TABLE "ScheduleShift" ADD COLUMN "channels" TEXT;
