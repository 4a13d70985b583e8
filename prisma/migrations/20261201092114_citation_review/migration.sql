-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Citation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "stepId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "prefix" TEXT NOT NULL DEFAULT '',
    "suffix" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "lost" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "anchoredVersion" INTEGER NOT NULL DEFAULT 1,
    "checkedVersion" INTEGER NOT NULL DEFAULT 1,
    "review" TEXT NOT NULL DEFAULT '',
    "reviewSince" DATETIME,
    "citedQuote" TEXT,
    CONSTRAINT "Citation_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "StatusStep" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Citation" ("createdAt", "end", "id", "lost", "position", "prefix", "quote", "sourceId", "start", "stepId", "suffix") SELECT "createdAt", "end", "id", "lost", "position", "prefix", "quote", "sourceId", "start", "stepId", "suffix" FROM "Citation";
DROP TABLE "Citation";
ALTER TABLE "new_Citation" RENAME TO "Citation";
CREATE INDEX "Citation_stepId_position_idx" ON "Citation"("stepId", "position");
CREATE INDEX "Citation_sourceId_idx" ON "Citation"("sourceId");
CREATE INDEX "Citation_review_reviewSince_idx" ON "Citation"("review", "reviewSince");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Every citation was anchored in, and checked against, its source's current text.
UPDATE "Citation" SET
    "anchoredVersion" = (SELECT "s"."textVersion" FROM "Source" "s" WHERE "s"."id" = "Citation"."sourceId"),
    "checkedVersion" = (SELECT "s"."textVersion" FROM "Source" "s" WHERE "s"."id" = "Citation"."sourceId");
