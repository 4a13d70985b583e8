-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "pinnedAt" TIMESTAMP(3),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Leader" ADD COLUMN     "aliases" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "wikidataId" TEXT;

-- CreateTable
CREATE TABLE "EventSlug" (
    "slug" TEXT NOT NULL,
    "eventId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventSlug_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
CREATE INDEX "EventSlug_eventId_idx" ON "EventSlug"("eventId");

-- CreateIndex
CREATE INDEX "Event_pinnedAt_idx" ON "Event"("pinnedAt");

-- AddForeignKey
ALTER TABLE "EventSlug" ADD CONSTRAINT "EventSlug_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;
