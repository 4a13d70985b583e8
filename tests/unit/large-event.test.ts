import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEntries } from "../factories";
import { createTestDatabase } from "./helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
const ENTRIES = 1_500;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.cleanup());

describe("an event with more entries than Prisma's default bind limit", () => {
  it("lists all of them with their citations", async () => {
    const text = "A leader will attend.";
    const event = await t.db.event.create({
      data: {
        slug: "big-summit",
        name: "Big Summit",
        place: "Here",
        date: new Date("2030-01-01"),
        endDate: new Date("2030-01-01"),
        occasion: "",
      },
    });
    const source = await t.db.source.create({
      data: { title: "S", publisher: "P", url: "https://example.org", text },
    });
    await t.db.leader.createMany({
      data: Array.from({ length: ENTRIES }, (_, i) => ({
        name: `Leader ${i}`,
        office: "President",
        polity: "X",
        searchText: `leader ${i}`,
      })),
    });
    const leaders = await t.db.leader.findMany({ select: { id: true } });
    // One entry made through the data layer, copied in SQL for the others: a transaction
    // per entry would be most of the test's time.
    await createEntries(t.db, [
      {
        eventId: event.id,
        leaderId: leaders[0]!.id,
        step: { status: "confirmed", citations: [{ sourceId: source.id, quote: "will attend" }] },
      },
    ]);
    await t.db.$executeRaw`
      INSERT INTO "Attendance" ("eventId", "leaderId", "status", "createdAt", "updatedAt")
      SELECT t."eventId", l."id", t."status", t."createdAt", t."updatedAt"
      FROM "Leader" l, "Attendance" t WHERE l."id" <> t."leaderId"`;
    await t.db.$executeRaw`
      INSERT INTO "StatusStep" ("attendanceId", "status", "recordedAt", "updatedAt")
      SELECT a."id", a."status", a."createdAt", a."createdAt" FROM "Attendance" a
      WHERE a."currentStepId" IS NULL`;
    await t.db.$executeRaw`
      INSERT INTO "Citation" ("stepId", "sourceId", "quote", "start", "end", "prefix", "suffix")
      SELECT s."id", c."sourceId", c."quote", c."start", c."end", c."prefix", c."suffix"
      FROM "StatusStep" s, "Citation" c WHERE s."id" <> c."stepId"`;
    await t.db.$executeRaw`
      UPDATE "Attendance" SET "currentStepId" =
        (SELECT s."id" FROM "StatusStep" s WHERE s."attendanceId" = "Attendance"."id")`;

    const { listAttendance } = await import("@/lib/data/attendance");
    const list = await listAttendance(event.id, { sort: "name" });
    expect(list).toHaveLength(ENTRIES);
    expect(
      list.every((e) => e.citations.length === 1 && e.citations[0]!.quote === "will attend"),
    ).toBe(true);
  });
});
