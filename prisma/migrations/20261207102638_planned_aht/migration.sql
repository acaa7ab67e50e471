-- AlterTable
ALTER TABLE "Channel" ADD COLUMN "plannedAhtProfile" TEXT;
ALTER TABLE "Channel" ADD COLUMN "plannedAhtSec" REAL;
