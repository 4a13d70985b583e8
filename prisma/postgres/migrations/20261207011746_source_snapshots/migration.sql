-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "language" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "SourceSnapshot" (
    "id" SERIAL NOT NULL,
    "versionId" INTEGER,
    "url" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "contentType" TEXT NOT NULL,
    "html" BYTEA NOT NULL,
    "size" INTEGER NOT NULL,

    CONSTRAINT "SourceSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SourceSnapshot_versionId_key" ON "SourceSnapshot"("versionId");

-- CreateIndex
CREATE INDEX "SourceSnapshot_fetchedAt_idx" ON "SourceSnapshot"("fetchedAt");

-- AddForeignKey
ALTER TABLE "SourceSnapshot" ADD CONSTRAINT "SourceSnapshot_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "SourceVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
