-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Attendance" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "eventId" INTEGER NOT NULL,
    "leaderId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "asOf" DATETIME,
    "currentStepId" INTEGER,
    "sourcesDisagree" BOOLEAN NOT NULL DEFAULT false,
    "outcome" TEXT,
    "representativeId" INTEGER,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Attendance_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Attendance_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "Leader" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Attendance_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "Leader" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Attendance_currentStepId_fkey" FOREIGN KEY ("currentStepId") REFERENCES "StatusStep" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Attendance" ("asOf", "createdAt", "currentStepId", "eventId", "id", "leaderId", "note", "sourcesDisagree", "status", "updatedAt", "version") SELECT "asOf", "createdAt", "currentStepId", "eventId", "id", "leaderId", "note", "sourcesDisagree", "status", "updatedAt", "version" FROM "Attendance";
DROP TABLE "Attendance";
ALTER TABLE "new_Attendance" RENAME TO "Attendance";
CREATE UNIQUE INDEX "Attendance_currentStepId_key" ON "Attendance"("currentStepId");
CREATE INDEX "Attendance_leaderId_idx" ON "Attendance"("leaderId");
CREATE INDEX "Attendance_representativeId_idx" ON "Attendance"("representativeId");
CREATE INDEX "Attendance_eventId_status_idx" ON "Attendance"("eventId", "status");
CREATE INDEX "Attendance_status_id_idx" ON "Attendance"("status", "id");
CREATE INDEX "Attendance_updatedAt_idx" ON "Attendance"("updatedAt");
CREATE UNIQUE INDEX "Attendance_eventId_leaderId_key" ON "Attendance"("eventId", "leaderId");
CREATE TABLE "new_Event" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "date" DATETIME NOT NULL,
    "endDate" DATETIME NOT NULL,
    "occasion" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "pinnedAt" DATETIME
);
-- Every existing event lasted one day: its date is its first and its last.
INSERT INTO "new_Event" ("createdAt", "date", "endDate", "id", "name", "occasion", "pinnedAt", "place", "slug", "version") SELECT "createdAt", "date", "date", "id", "name", "occasion", "pinnedAt", "place", "slug", "version" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");
CREATE INDEX "Event_date_idx" ON "Event"("date");
CREATE INDEX "Event_endDate_idx" ON "Event"("endDate");
CREATE INDEX "Event_pinnedAt_idx" ON "Event"("pinnedAt");
CREATE TABLE "new_StatusStep" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "attendanceId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "outcome" TEXT,
    "representativeId" INTEGER,
    "asOf" DATETIME,
    "note" TEXT NOT NULL DEFAULT '',
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedBy" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "revisionId" INTEGER,
    CONSTRAINT "StatusStep_attendanceId_fkey" FOREIGN KEY ("attendanceId") REFERENCES "Attendance" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StatusStep_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "Leader" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_StatusStep" ("asOf", "attendanceId", "id", "note", "recordedAt", "recordedBy", "revisionId", "status", "updatedAt", "version") SELECT "asOf", "attendanceId", "id", "note", "recordedAt", "recordedBy", "revisionId", "status", "updatedAt", "version" FROM "StatusStep";
DROP TABLE "StatusStep";
ALTER TABLE "new_StatusStep" RENAME TO "StatusStep";
CREATE INDEX "StatusStep_attendanceId_asOf_idx" ON "StatusStep"("attendanceId", "asOf");
CREATE INDEX "StatusStep_revisionId_idx" ON "StatusStep"("revisionId");
CREATE INDEX "StatusStep_representativeId_idx" ON "StatusStep"("representativeId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
