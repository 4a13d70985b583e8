-- Events: a version for the editors' optimistic check, the home page's pin, and the addresses
-- an event had before its slug changed (each answers with a permanent redirect).
ALTER TABLE "Event" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Event" ADD COLUMN "pinnedAt" DATETIME;
CREATE INDEX "Event_pinnedAt_idx" ON "Event"("pinnedAt");

CREATE TABLE "EventSlug" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "eventId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EventSlug_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "EventSlug_eventId_idx" ON "EventSlug"("eventId");

-- Leaders: other spellings of the name (a JSON array) and a Wikidata item id.
ALTER TABLE "Leader" ADD COLUMN "aliases" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "Leader" ADD COLUMN "wikidataId" TEXT;

-- Search keys now fold letters that Unicode does not decompose (ł, ø, đ, ß, æ, …) as
-- lib/text/search-key.ts does; keys stored before are rewritten the same way.
UPDATE "Leader"
SET "searchText" = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    "searchText", 'ł', 'l'), 'ø', 'o'), 'đ', 'd'), 'ð', 'd'), 'ħ', 'h'), 'ı', 'i'), 'ŧ', 't'),
    'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe'), 'þ', 'th');
