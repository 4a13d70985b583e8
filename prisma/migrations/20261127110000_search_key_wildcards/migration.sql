-- Search keys write the characters LIKE reads as wildcards or its escape as private-use
-- characters (lib/text/search-key.ts), so that a search matches them literally. Keys stored
-- before are rewritten the same way, character for character.
UPDATE "Leader"
SET "searchText" = replace(replace(replace("searchText", '%', ''), '_', ''), '\', '');
