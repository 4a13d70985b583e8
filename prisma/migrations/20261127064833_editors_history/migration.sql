-- CreateTable
CREATE TABLE "StatusStep" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "attendanceId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "asOf" DATETIME,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "citations" TEXT NOT NULL DEFAULT '[]',
    "revisionId" INTEGER,
    CONSTRAINT "StatusStep_attendanceId_fkey" FOREIGN KEY ("attendanceId") REFERENCES "Attendance" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL,
    "windowStartedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "StatusStep_attendanceId_asOf_idx" ON "StatusStep"("attendanceId", "asOf");

-- CreateIndex
CREATE INDEX "StatusStep_revisionId_idx" ON "StatusStep"("revisionId");
