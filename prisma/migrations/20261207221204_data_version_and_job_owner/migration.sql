-- AlterTable
ALTER TABLE "Job" ADD COLUMN "heartbeatAt" DATETIME;
ALTER TABLE "Job" ADD COLUMN "owner" TEXT;

-- CreateTable
CREATE TABLE "DataVersion" (
    "kind" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 0
);
