-- AlterTable
ALTER TABLE "Schedule" ADD COLUMN "mipBound" REAL;
