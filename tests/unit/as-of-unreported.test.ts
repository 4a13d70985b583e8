import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEntry, createEvent, createSource, SAMPLE_ARTICLE } from "../factories";
import { createTestDatabase } from "./helpers/test-db";

/** A past day's list says what it leaves out: the entries with no report by that day. */
let t: Awaited<ReturnType<typeof createTestDatabase>>;
let reads: typeof import("@/lib/data/attendance");

beforeAll(async () => {
  t = await createTestDatabase();
  reads = await import("@/lib/data/attendance");
});
afterAll(() => t.cleanup());

describe("the as-of view's unreported entries", () => {
  it("counts and names the entries with no step by the day, and none on the current list", async () => {
    const event = await createEvent(t.db);
    const source = await createSource(t.db, { text: SAMPLE_ARTICLE });
    const cite = [{ sourceId: source.id, quote: "Anna Example will attend" }];
    const entry = (name: string, asOf: string) =>
      createEntry(t.db, {
        eventId: event.id,
        leader: { name, polity: `Land of ${name}` },
        steps: [{ status: "confirmed", asOf, citations: cite }],
      });
    await entry("Early Bird", "2025-03-10");
    const late = [await entry("Zed Late", "2025-03-25"), await entry("Amy Later", "2025-04-02")];

    const day = await reads.getEventView(event.slug, { sort: "name", day: "2025-03-20" });
    expect(day?.entries.map((e) => e.leader.name)).toEqual(["Early Bird"]);
    expect(day?.unreported).toEqual([
      { id: late[1]!.id, leader: "Amy Later" },
      { id: late[0]!.id, leader: "Zed Late" },
    ]);

    const later = await reads.getEventView(event.slug, { sort: "name", day: "2025-03-31" });
    expect(later?.unreported.map((e) => e.leader)).toEqual(["Amy Later"]);
    const now = await reads.getEventView(event.slug, { sort: "name" });
    expect([now?.entries.length, now?.unreported]).toEqual([3, []]);
  });
});
