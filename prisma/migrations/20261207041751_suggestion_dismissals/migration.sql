-- CreateTable
CREATE TABLE "SuggestionDismissal" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sourceId" INTEGER NOT NULL,
    "eventId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "leaderName" TEXT NOT NULL,
    "claim" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SuggestionDismissal_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SuggestionDismissal_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SuggestionDismissal_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SuggestionDismissal_eventId_idx" ON "SuggestionDismissal"("eventId");

-- CreateIndex
CREATE UNIQUE INDEX "SuggestionDismissal_sourceId_eventId_key_key" ON "SuggestionDismissal"("sourceId", "eventId", "key");
