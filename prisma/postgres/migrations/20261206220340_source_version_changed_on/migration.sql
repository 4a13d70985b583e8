-- AlterTable
ALTER TABLE "SourceVersion" ADD COLUMN     "changedOn" TIMESTAMP(3);
