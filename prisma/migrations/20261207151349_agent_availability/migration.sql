-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Agent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "channels" TEXT NOT NULL,
    "weeklyHours" REAL NOT NULL,
    "availability" TEXT,
    "shiftTypes" TEXT NOT NULL DEFAULT '[]',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Agent" ("active", "channels", "createdAt", "id", "name", "weeklyHours") SELECT "active", "channels", "createdAt", "id", "name", "weeklyHours" FROM "Agent";
DROP TABLE "Agent";
ALTER TABLE "new_Agent" RENAME TO "Agent";
CREATE UNIQUE INDEX "Agent_name_key" ON "Agent"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
