import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leaderSearchKey } from "@/lib/text/search-key";
import { seedDatabase } from "../../prisma/seed";
import { createTestDatabase } from "./helpers/test-db";

// The list reads that count per row and search by leader without reading whole tables
// (see bench/: they were rewritten for 500,000 entries); here, that they still say the same.

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let admin: typeof import("@/lib/data/attendance-admin");
let events: typeof import("@/lib/data/events");
let leaders: typeof import("@/lib/data/leaders");
let sources: typeof import("@/lib/data/sources-admin");

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.db);
  admin = await import("@/lib/data/attendance-admin");
  events = await import("@/lib/data/events");
  leaders = await import("@/lib/data/leaders");
  sources = await import("@/lib/data/sources-admin");
});
afterAll(() => t.cleanup());

describe("counts per row", () => {
  it("the admin list counts each entry's citations", async () => {
    const { rows } = await admin.listAdminAttendance({});
    expect(rows.length).toBe(9);
    for (const row of rows) {
      expect(row.citationCount).toBe(
        await t.db.citation.count({ where: { step: { attendanceId: row.id } } }),
      );
    }
    expect(rows.find((r) => r.leader === "Nicolas Maduro")?.citationCount).toBe(2);
  });

  it("the events, leaders and sources lists count for their own rows", async () => {
    const { events: page } = await events.listEvents(1);
    const parade = page.find((e) => e.slug === "victory-day-parade-2025");
    expect(parade?.counts.total).toBe(9);
    expect(parade!.counts.confirmed + parade!.counts.reported + parade!.counts.declined).toBe(9);
    expect(parade!.counts.declined).toBe(
      await t.db.attendance.count({ where: { eventId: parade!.id, status: "declined" } }),
    );

    const { rows: leaderRows } = await leaders.listLeadersAdmin();
    expect(leaderRows.find((l) => l.name === "Xi Jinping")?.entryCount).toBe(1);

    const { rows: sourceRows } = await sources.listSourcesAdmin();
    const source = await t.db.source.findFirstOrThrow();
    expect(sourceRows.find((s) => s.id === source.id)?.citationCount).toBe(
      await t.db.citation.count({ where: { sourceId: source.id } }),
    );
  });
});

describe("the admin search", () => {
  it("finds a leader's entries, and none for a name nobody has", async () => {
    const { rows } = await admin.listAdminAttendance({ q: "xi jinping" });
    expect(rows.map((r) => r.leader)).toEqual(["Xi Jinping"]);
    expect((await admin.listAdminAttendance({ q: "nobody by this name" })).rows).toEqual([]);
  });

  it("gives the same answer when more leaders match than it looks up one by one", async () => {
    const event = await t.db.event.findFirstOrThrow();
    const many = Array.from({ length: 501 }, (_, i) => ({
      name: `Broad Leader ${i}`,
      office: "Envoy",
      polity: "Elsewhere",
    }));
    await t.db.leader.createMany({
      data: many.map((l) => ({ ...l, searchText: leaderSearchKey(l) })),
    });
    const one = await t.db.leader.findFirstOrThrow({ where: { name: "Broad Leader 7" } });
    const entry = await t.db.attendance.create({
      data: { eventId: event.id, leaderId: one.id, status: "reported" },
    });

    const { rows } = await admin.listAdminAttendance({ q: "broad leader" });
    expect(rows.map((r) => r.id)).toEqual([entry.id]);
    const { rows: confirmed } = await admin.listAdminAttendance({
      q: "broad leader",
      status: "confirmed",
    });
    expect(confirmed).toEqual([]);
  });
});

describe("the entry form's events", () => {
  it("keeps an older entry's own event beyond the newest ones", async () => {
    const old = await t.db.event.create({
      data: {
        slug: "an-old-summit",
        name: "An old summit",
        place: "Nowhere",
        date: new Date("1950-01-01T00:00:00Z"),
        endDate: new Date("1950-01-01T00:00:00Z"),
        occasion: "A test",
      },
    });
    const newest = await events.listEventOptions({ limit: 1 });
    expect(newest.map((e) => e.slug)).toEqual(["victory-day-parade-2025"]);
    const withOwn = await events.listEventOptions({ limit: 1, include: old.id });
    expect(withOwn.map((e) => e.slug)).toEqual(["victory-day-parade-2025", "an-old-summit"]);
    // The admin filter names its event by slug: the select still shows the one filtered on.
    const bySlug = await events.listEventOptions({ limit: 1, includeSlug: "an-old-summit" });
    expect(bySlug.map((e) => e.slug)).toEqual(["victory-day-parade-2025", "an-old-summit"]);
    const unknown = await events.listEventOptions({ limit: 1, includeSlug: "no-such-event" });
    expect(unknown.map((e) => e.slug)).toEqual(["victory-day-parade-2025"]);
  });
});
