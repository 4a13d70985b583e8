-- CreateTable
CREATE TABLE "SourceSnapshot" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "versionId" INTEGER,
    "url" TEXT NOT NULL,
    "fetchedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "contentType" TEXT NOT NULL,
    "html" BLOB NOT NULL,
    "size" INTEGER NOT NULL,
    CONSTRAINT "SourceSnapshot_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "SourceVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "textVersion" INTEGER NOT NULL DEFAULT 1,
    "language" TEXT NOT NULL DEFAULT ''
);
INSERT INTO "new_Source" ("addedAt", "dateNote", "id", "publishedOn", "publisher", "text", "textVersion", "title", "updatedAt", "url", "version") SELECT "addedAt", "dateNote", "id", "publishedOn", "publisher", "text", "textVersion", "title", "updatedAt", "url", "version" FROM "Source";
DROP TABLE "Source";
ALTER TABLE "new_Source" RENAME TO "Source";
CREATE INDEX "Source_url_idx" ON "Source"("url");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "SourceSnapshot_versionId_key" ON "SourceSnapshot"("versionId");

-- CreateIndex
CREATE INDEX "SourceSnapshot_fetchedAt_idx" ON "SourceSnapshot"("fetchedAt");
