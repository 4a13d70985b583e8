-- CreateEnum
CREATE TYPE "AttendanceOutcome" AS ENUM ('attended', 'did_not_attend', 'partly_attended');

-- AlterTable
-- Every existing event lasted one day: its date is its first and its last.
ALTER TABLE "Event" ADD COLUMN     "endDate" TIMESTAMP(3);
UPDATE "Event" SET "endDate" = "date";
ALTER TABLE "Event" ALTER COLUMN "endDate" SET NOT NULL;

-- AlterTable
ALTER TABLE "Attendance" ADD COLUMN     "outcome" "AttendanceOutcome",
ADD COLUMN     "representativeId" INTEGER;

-- AlterTable
ALTER TABLE "StatusStep" ADD COLUMN     "outcome" "AttendanceOutcome",
ADD COLUMN     "representativeId" INTEGER;

-- CreateIndex
CREATE INDEX "Event_endDate_idx" ON "Event"("endDate");

-- CreateIndex
CREATE INDEX "Attendance_representativeId_idx" ON "Attendance"("representativeId");

-- CreateIndex
CREATE INDEX "StatusStep_representativeId_idx" ON "StatusStep"("representativeId");

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "Leader"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusStep" ADD CONSTRAINT "StatusStep_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "Leader"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
