-- The story as data: a step is one claim of a source about an entry, with citations of its own.
-- Moves a database of the previous schema with nothing lost:
--  * every StatusStep stays a step (same id), recordedBy taken from the revision that recorded it;
--  * the entry's current citations (Citation rows) belong to its last recorded step when that
--    step states the entry's status and as-of date, else to a new step that does;
--  * every other step's JSON copies of its citations become Citation rows of that step, marked
--    `lost` when the quote is no longer at its offsets (scripts/migration-data.mjs then
--    re-anchors them in JavaScript, where offsets are the app's, and reports what is lost);
--  * the entry's status, as-of date and current step follow from its steps: the latest by
--    as-of date (undated: the day recorded), ties to the one recorded later.
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;

CREATE TABLE "new_StatusStep" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "attendanceId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "asOf" DATETIME,
    "note" TEXT NOT NULL DEFAULT '',
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedBy" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "revisionId" INTEGER,
    CONSTRAINT "StatusStep_attendanceId_fkey" FOREIGN KEY ("attendanceId") REFERENCES "Attendance" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_StatusStep" ("id", "attendanceId", "status", "asOf", "recordedAt", "recordedBy", "updatedAt", "revisionId")
SELECT "s"."id", "s"."attendanceId", "s"."status", "s"."asOf", "s"."recordedAt",
    COALESCE((SELECT "r"."actorName" FROM "Revision" "r" WHERE "r"."id" = "s"."revisionId"), ''),
    "s"."recordedAt", "s"."revisionId"
FROM "StatusStep" "s";

-- An entry whose last recorded step does not state its current status (edited back by a
-- revert, or never had a step) gets one that does, recorded when the entry last changed.
INSERT INTO "new_StatusStep" ("attendanceId", "status", "asOf", "recordedAt", "recordedBy", "updatedAt")
SELECT "a"."id", "a"."status", "a"."asOf", "a"."updatedAt",
    COALESCE((SELECT "r"."actorName" FROM "Revision" "r"
        WHERE "r"."entityType" = 'attendance' AND "r"."entityId" = "a"."id"
        ORDER BY "r"."id" DESC LIMIT 1), ''),
    "a"."updatedAt"
FROM "Attendance" "a"
WHERE NOT EXISTS (
    SELECT 1 FROM "new_StatusStep" "s"
    WHERE "s"."id" = (SELECT MAX("l"."id") FROM "new_StatusStep" "l" WHERE "l"."attendanceId" = "a"."id")
      AND "s"."status" = "a"."status" AND "s"."asOf" IS "a"."asOf"
);

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
    CONSTRAINT "Citation_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "StatusStep" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- The current citations, to the entry's last recorded step (which now states its status).
INSERT INTO "new_Citation" ("id", "stepId", "sourceId", "quote", "start", "end", "prefix", "suffix", "position", "createdAt")
SELECT "c"."id",
    (SELECT MAX("s"."id") FROM "new_StatusStep" "s" WHERE "s"."attendanceId" = "c"."attendanceId"),
    "c"."sourceId", "c"."quote", "c"."start", "c"."end", "c"."prefix", "c"."suffix", "c"."position", "c"."createdAt"
FROM "Citation" "c";
-- Every other step's copies, as citations of that step.
INSERT INTO "new_Citation" ("stepId", "sourceId", "quote", "start", "end", "position", "lost", "createdAt")
SELECT "s"."id", "src"."id", json_extract("j"."value", '$.quote'),
    json_extract("j"."value", '$.start'), json_extract("j"."value", '$.end'), "j"."key",
    substr("src"."text", json_extract("j"."value", '$.start') + 1,
        json_extract("j"."value", '$.end') - json_extract("j"."value", '$.start'))
        IS NOT json_extract("j"."value", '$.quote'),
    "s"."recordedAt"
FROM "StatusStep" "s", json_each("s"."citations") "j"
    JOIN "Source" "src" ON "src"."id" = json_extract("j"."value", '$.sourceId')
WHERE "s"."id" <> (SELECT MAX("l"."id") FROM "new_StatusStep" "l" WHERE "l"."attendanceId" = "s"."attendanceId")
ORDER BY "s"."id", "j"."key";

DROP TABLE "Citation";
ALTER TABLE "new_Citation" RENAME TO "Citation";
CREATE INDEX "Citation_stepId_position_idx" ON "Citation"("stepId", "position");
CREATE INDEX "Citation_sourceId_idx" ON "Citation"("sourceId");

DROP TABLE "StatusStep";
ALTER TABLE "new_StatusStep" RENAME TO "StatusStep";
CREATE INDEX "StatusStep_attendanceId_asOf_idx" ON "StatusStep"("attendanceId", "asOf");
CREATE INDEX "StatusStep_revisionId_idx" ON "StatusStep"("revisionId");

CREATE TABLE "new_Attendance" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "eventId" INTEGER NOT NULL,
    "leaderId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "asOf" DATETIME,
    "currentStepId" INTEGER,
    "sourcesDisagree" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Attendance_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Attendance_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "Leader" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Attendance_currentStepId_fkey" FOREIGN KEY ("currentStepId") REFERENCES "StatusStep" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Attendance" ("id", "eventId", "leaderId", "status", "asOf", "currentStepId", "note", "createdAt", "updatedAt", "version")
SELECT "a"."id", "a"."eventId", "a"."leaderId", "a"."status", "a"."asOf",
    (SELECT "s"."id" FROM "StatusStep" "s" WHERE "s"."attendanceId" = "a"."id"
        ORDER BY COALESCE(substr("s"."asOf", 1, 10), substr("s"."recordedAt", 1, 10)) DESC,
            "s"."recordedAt" DESC, "s"."id" DESC
        LIMIT 1),
    "a"."note", "a"."createdAt", "a"."updatedAt", "a"."version"
FROM "Attendance" "a";
UPDATE "new_Attendance" SET
    "status" = (SELECT "s"."status" FROM "StatusStep" "s" WHERE "s"."id" = "new_Attendance"."currentStepId"),
    "asOf" = (SELECT "s"."asOf" FROM "StatusStep" "s" WHERE "s"."id" = "new_Attendance"."currentStepId"),
    "sourcesDisagree" = EXISTS (
        SELECT 1 FROM "StatusStep" "s", "StatusStep" "c"
        WHERE "c"."id" = "new_Attendance"."currentStepId" AND "s"."attendanceId" = "c"."attendanceId"
          AND COALESCE(substr("s"."asOf", 1, 10), substr("s"."recordedAt", 1, 10))
            = COALESCE(substr("c"."asOf", 1, 10), substr("c"."recordedAt", 1, 10))
          AND "s"."status" <> "c"."status"
    );
DROP TABLE "Attendance";
ALTER TABLE "new_Attendance" RENAME TO "Attendance";
CREATE UNIQUE INDEX "Attendance_currentStepId_key" ON "Attendance"("currentStepId");
CREATE INDEX "Attendance_leaderId_idx" ON "Attendance"("leaderId");
CREATE INDEX "Attendance_eventId_status_idx" ON "Attendance"("eventId", "status");
CREATE INDEX "Attendance_status_id_idx" ON "Attendance"("status", "id");
CREATE INDEX "Attendance_updatedAt_idx" ON "Attendance"("updatedAt");
CREATE UNIQUE INDEX "Attendance_eventId_leaderId_key" ON "Attendance"("eventId", "leaderId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
