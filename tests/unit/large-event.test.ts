import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
    await t.db.attendance.createMany({
      data: leaders.map((l) => ({
        eventId: event.id,
        leaderId: l.id,
        status: "confirmed" as const,
      })),
    });
    const entries = await t.db.attendance.findMany({ select: { id: true } });
    await t.db.citation.createMany({
      data: entries.map((e) => ({
        attendanceId: e.id,
        sourceId: source.id,
        quote: "will attend",
        start: 9,
        end: 20,
      })),
    });

    const { listAttendance } = await import("@/lib/data/attendance");
    const list = await listAttendance(event.id, { sort: "name" });
    expect(list).toHaveLength(ENTRIES);
    expect(
      list.every((e) => e.citations.length === 1 && e.citations[0]!.quote === "will attend"),
    ).toBe(true);
  });
});
