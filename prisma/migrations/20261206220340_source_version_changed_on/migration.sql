-- AlterTable
ALTER TABLE "SourceVersion" ADD COLUMN "changedOn" DATETIME;
