-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "textVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Citation" ADD COLUMN     "anchoredVersion" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "checkedVersion" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "citedQuote" TEXT,
ADD COLUMN     "review" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "reviewSince" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SourceVersion" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorName" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "SourceVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SourceVersion_sourceId_number_key" ON "SourceVersion"("sourceId", "number");

-- CreateIndex
CREATE INDEX "Citation_review_reviewSince_idx" ON "Citation"("review", "reviewSince");

-- AddForeignKey
ALTER TABLE "SourceVersion" ADD CONSTRAINT "SourceVersion_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The data steps of the SQLite migrations 20261201084808_source_versions and
-- 20261201092114_citation_review. Every existing source becomes version 1 of itself: its text
-- stays in "Source"."text", where the current version's text lives, since it was last saved.
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

-- Every citation was anchored in, and checked against, its source's current text.
UPDATE "Citation" SET
    "anchoredVersion" = (SELECT "s"."textVersion" FROM "Source" "s" WHERE "s"."id" = "Citation"."sourceId"),
    "checkedVersion" = (SELECT "s"."textVersion" FROM "Source" "s" WHERE "s"."id" = "Citation"."sourceId");
