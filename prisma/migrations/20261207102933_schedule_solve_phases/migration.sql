-- AlterTable
ALTER TABLE "Schedule" ADD COLUMN "solvePhases" TEXT;
