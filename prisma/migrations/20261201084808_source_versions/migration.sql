-- CreateTable
CREATE TABLE "SourceVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sourceId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorName" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "SourceVersion_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Source" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "publishedOn" DATETIME,
    "dateNote" TEXT NOT NULL DEFAULT '',
    "text" TEXT NOT NULL,
    "addedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "textVersion" INTEGER NOT NULL DEFAULT 1
);
INSERT INTO "new_Source" ("addedAt", "dateNote", "id", "publishedOn", "publisher", "text", "title", "updatedAt", "url", "version") SELECT "addedAt", "dateNote", "id", "publishedOn", "publisher", "text", "title", "updatedAt", "url", "version" FROM "Source";
DROP TABLE "Source";
ALTER TABLE "new_Source" RENAME TO "Source";
CREATE INDEX "Source_url_idx" ON "Source"("url");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "SourceVersion_sourceId_number_key" ON "SourceVersion"("sourceId", "number");

-- Every existing source becomes version 1 of itself: its text stays in "Source"."text", where
-- the current version's text lives. It has stood since the source was last saved, by whoever
-- saved it; texts before that stay in the source's revisions, as they were.
INSERT INTO "SourceVersion" ("sourceId", "number", "text", "createdAt", "actorName", "summary")
SELECT
    "s"."id",
    1,
    NULL,
    "s"."updatedAt",
    COALESCE(
        (SELECT "r"."actorName" FROM "Revision" "r"
         WHERE "r"."entityType" = 'source' AND "r"."entityId" = "s"."id"
         ORDER BY "r"."id" DESC LIMIT 1),
        ''
    ),
    ''
FROM "Source" "s";
