import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../factories";
import type { Editor } from "@/lib/data/session";
import { eventSlug } from "@/lib/text/slug";
import { searchKey } from "@/lib/text/search-key";
import { eventFormSchema } from "@/lib/validation/event";
import { leaderEditSchema } from "@/lib/validation/leader";
import { seedDatabase } from "../../prisma/seed";
import { createTestDatabase } from "./helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let editor: Editor;
let eventsAdmin: typeof import("@/lib/data/events-admin");
let events: typeof import("@/lib/data/events");
let leaders: typeof import("@/lib/data/leaders");
let leaderPages: typeof import("@/lib/data/leader-pages");
let merge: typeof import("@/lib/data/leader-merge");
let sourceDelete: typeof import("@/lib/data/source-delete");
let admin: typeof import("@/lib/data/attendance-admin");
let attendance: typeof import("@/lib/data/attendance");
let links: typeof import("@/lib/data/revision-links");

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.db);
  editor = (await createAccount(t.db, {
    email: "e@example.org",
    name: "E. Ditor",
    password: "a-long-password",
  })) as Editor;
  eventsAdmin = await import("@/lib/data/events-admin");
  events = await import("@/lib/data/events");
  leaders = await import("@/lib/data/leaders");
  leaderPages = await import("@/lib/data/leader-pages");
  merge = await import("@/lib/data/leader-merge");
  sourceDelete = await import("@/lib/data/source-delete");
  admin = await import("@/lib/data/attendance-admin");
  attendance = await import("@/lib/data/attendance");
  links = await import("@/lib/data/revision-links");
});
afterAll(() => t.cleanup());

const eventInput = (over: Partial<Record<string, string>> = {}) =>
  eventFormSchema.parse({
    name: "Harbour Summit",
    date: "2024-06-01",
    place: "Port Example",
    occasion: "Leaders meet by the sea",
    slug: "",
    ...over,
  });

const leaderInput = (over: Partial<Record<string, string>> = {}) =>
  leaderEditSchema.parse({
    name: "Anna Example",
    office: "President",
    polity: "Ruritania",
    countryCode: "",
    ...over,
  });

describe("slugs and search keys", () => {
  it("makes a slug from the name and year, without accents or repeats of the year", () => {
    expect(eventSlug("Victory Day Parade", "2025-05-09")).toBe("victory-day-parade-2025");
    expect(eventSlug("Sommet de l’Élysée!", "2026-01-02")).toBe("sommet-de-l-elysee-2026");
    expect(eventSlug("G20 Summit 2026", "2026-11-01")).toBe("g20-summit-2026");
    expect(eventSlug("東京", "2026-11-01")).toBe("2026");
  });

  it("folds letters Unicode does not decompose, so Łukaszenka is found as lukaszenka", () => {
    expect(searchKey("Łukaszenka")).toBe("lukaszenka");
    expect(searchKey("Støre")).toBe("store");
    expect(searchKey("Đukanović")).toBe("dukanovic");
  });

  it("validates a Wikidata id, and keeps the id of a pasted address", () => {
    expect(leaderInput({ wikidataId: "q312" }).wikidataId).toBe("Q312");
    expect(leaderInput({ wikidataId: "https://www.wikidata.org/wiki/Q312" }).wikidataId).toBe(
      "Q312",
    );
    expect(leaderInput({ wikidataId: "" }).wikidataId).toBeNull();
    for (const bad of ["312", "Q", "Q0", "Q12a", "P31", "https://evil.example/Q1"]) {
      expect(leaderEditSchema.safeParse({ ...leaderInput(), wikidataId: bad }).success, bad).toBe(
        false,
      );
    }
  });

  it("reads aliases one a line, dropping blanks and repeats", () => {
    expect(leaderInput({ aliases: "Lukashenka\n\n Łukaszenka \nlukashenka\r\n" }).aliases).toEqual([
      "Lukashenka",
      "Łukaszenka",
    ]);
  });
});

describe("events", () => {
  it("creates an event with a slug from its name and year, numbered past one in use", async () => {
    const first = await eventsAdmin.createEvent(editor, eventInput());
    const second = await eventsAdmin.createEvent(editor, eventInput());
    expect(first).toMatchObject({ ok: true, slug: "harbour-summit-2024" });
    expect(second).toMatchObject({ ok: true, slug: "harbour-summit-2024-2" });
    const revision = await t.db.revision.findFirstOrThrow({
      where: { entityType: "event", entityId: first.ok ? first.eventId : 0 },
    });
    expect(revision.action).toBe("create");
  });

  it("renames a slug: the old one points to the new, and cannot be taken by another event", async () => {
    const created = await eventsAdmin.createEvent(editor, eventInput({ name: "Lake Summit" }));
    if (!created.ok) throw new Error("not created");
    const renamed = await eventsAdmin.updateEvent(
      editor,
      created.eventId,
      1,
      eventInput({ name: "Lake Summit", slug: "lake-talks" }),
    );
    expect(renamed).toMatchObject({
      ok: true,
      slug: "lake-talks",
      formerSlugs: ["lake-summit-2024"],
    });
    expect(await events.getRenamedEventSlug("lake-summit-2024")).toBe("lake-talks");
    expect(await events.getEventBySlug("lake-summit-2024")).toBeNull();

    const other = await eventsAdmin.createEvent(
      editor,
      eventInput({ name: "Other", slug: "lake-summit-2024" }),
    );
    expect(other).toMatchObject({ ok: false, kind: "invalid" });
    if (!other.ok && other.kind === "invalid")
      expect(other.errors.slug?.[0]).toContain("another event");

    // Its own former address can be taken back; the redirect goes.
    const back = await eventsAdmin.updateEvent(
      editor,
      created.eventId,
      2,
      eventInput({ name: "Lake Summit", slug: "lake-summit-2024" }),
    );
    expect(back).toMatchObject({ ok: true, slug: "lake-summit-2024", formerSlugs: ["lake-talks"] });
    expect(await events.getRenamedEventSlug("lake-summit-2024")).toBeNull();
    expect(await events.getRenamedEventSlug("lake-talks")).toBe("lake-summit-2024");
  });

  it("refuses a save over a newer version and says what changed meanwhile", async () => {
    const created = await eventsAdmin.createEvent(editor, eventInput({ name: "River Summit" }));
    if (!created.ok) throw new Error("not created");
    const first = await eventsAdmin.updateEvent(
      editor,
      created.eventId,
      1,
      eventInput({ name: "River Summit", place: "Upstream" }),
    );
    expect(first.ok).toBe(true);
    const second = await eventsAdmin.updateEvent(
      editor,
      created.eventId,
      1,
      eventInput({ name: "River Summit", place: "Downstream" }),
    );
    expect(second).toMatchObject({ ok: false, kind: "conflict", version: 2 });
    if (!second.ok && second.kind === "conflict") {
      expect(second.message).toContain("Someone else saved this event after you opened it");
      expect(second.changes).toEqual([
        { field: "Place", before: "Port Example", after: "Upstream" },
      ]);
    }
    const row = await t.db.event.findUniqueOrThrow({ where: { id: created.eventId } });
    expect(row.place).toBe("Upstream");
  });

  it("deletes an event only without entries, naming them otherwise", async () => {
    const parade = await t.db.event.findFirstOrThrow({
      where: { slug: "victory-day-parade-2025" },
    });
    const refused = await eventsAdmin.deleteEvent(editor, parade.id, parade.version);
    expect(refused).toMatchObject({ ok: false, kind: "invalid" });
    if (!refused.ok) {
      expect(refused.message).toContain("9 entries");
      expect(refused.message).toContain("Xi Jinping");
    }
    expect(await t.db.event.count({ where: { id: parade.id } })).toBe(1);

    const empty = await eventsAdmin.createEvent(editor, eventInput({ name: "Gone Summit" }));
    if (!empty.ok) throw new Error("not created");
    await eventsAdmin.updateEvent(
      editor,
      empty.eventId,
      1,
      eventInput({ name: "Gone Summit", slug: "gone" }),
    );
    const deleted = await eventsAdmin.deleteEvent(editor, empty.eventId, 2);
    expect(deleted).toMatchObject({ ok: true, slug: "gone", formerSlugs: ["gone-summit-2024"] });
    expect(await events.getRenamedEventSlug("gone-summit-2024")).toBeNull();
    const history = await t.db.revision.findMany({
      where: { entityType: "event", entityId: empty.eventId },
      orderBy: { id: "asc" },
    });
    expect(history.map((r) => r.action)).toEqual(["create", "update", "delete"]);
  });

  it("features the pinned event, else the next upcoming, else the most recent, and says which", async () => {
    const now = new Date("2024-05-01T12:00:00Z");
    // The next upcoming is the earliest event from today on (today's own included).
    const today = await eventsAdmin.createEvent(
      editor,
      eventInput({ name: "Today Summit", date: "2024-05-01" }),
    );
    if (!today.ok) throw new Error("not created");
    expect(await events.getFeaturedChoice(now)).toMatchObject({
      rule: "upcoming",
      event: { slug: today.slug },
    });
    expect(await events.getFeaturedChoice(new Date("2300-01-01"))).toMatchObject({
      rule: "latest",
    });

    const parade = await t.db.event.findFirstOrThrow({
      where: { slug: "victory-day-parade-2025" },
    });
    expect(await eventsAdmin.setEventPinned(editor, parade.id, true)).toMatchObject({ ok: true });
    expect(await events.getFeaturedChoice(now)).toMatchObject({
      rule: "pinned",
      event: { slug: "victory-day-parade-2025" },
    });
    // Pinning another unpins the first, and both records say so.
    await eventsAdmin.setEventPinned(editor, today.eventId, true);
    expect(await t.db.event.count({ where: { pinnedAt: { not: null } } })).toBe(1);
    const paradeRevisions = await t.db.revision.findMany({
      where: { entityType: "event", entityId: parade.id },
    });
    expect(paradeRevisions.map((r) => r.summary)).toEqual([
      "Pinned to the home page",
      "Unpinned from the home page: Today Summit was pinned instead",
    ]);
    // The pin is not an edit: the event's version stays, so an open form is not stale.
    expect((await t.db.event.findUniqueOrThrow({ where: { id: parade.id } })).version).toBe(
      parade.version,
    );
    await eventsAdmin.setEventPinned(editor, today.eventId, false);
    expect((await events.getFeaturedChoice(now))?.rule).toBe("upcoming");
    await eventsAdmin.deleteEvent(editor, today.eventId, 1);
  });

  it("lists events with their counts per status", async () => {
    const { events: page } = await events.listEvents(1);
    const parade = page.find((e) => e.slug === "victory-day-parade-2025")!;
    const declined = await t.db.attendance.count({
      where: { eventId: parade.id, status: "declined" },
    });
    expect(parade.counts.declined).toBe(declined);
    expect(parade.counts.total).toBe(9);
    expect(page.find((e) => e.slug === "harbour-summit-2024")?.counts.total).toBe(0);
  });
});

describe("leaders", () => {
  it("finds a leader by an alias, accents and case aside, in the public list and the admin", async () => {
    const lukashenko = await t.db.leader.findFirstOrThrow({
      where: { name: { contains: "Lukashenko" } },
    });
    const parade = await t.db.event.findFirstOrThrow({
      where: { slug: "victory-day-parade-2025" },
    });
    const result = await leaders.updateLeader(editor, lukashenko.id, lukashenko.version, {
      ...leaderInput({
        name: lukashenko.name,
        office: lukashenko.office,
        polity: lukashenko.polity,
      }),
      countryCode: lukashenko.countryCode,
      aliases: ["Lukashenka", "Łukaszenka"],
    });
    expect(result.ok).toBe(true);
    for (const q of ["lukashenka", "LUKASZENKA", "Łukaszenka"]) {
      const list = await attendance.listAttendance(parade.id, { q, sort: "name" });
      expect(
        list.map((e) => e.leader.name),
        q,
      ).toEqual([lukashenko.name]);
      const { rows } = await admin.listAdminAttendance({ q });
      expect(
        rows.map((r) => r.leader),
        q,
      ).toEqual([lukashenko.name]);
    }
    expect((await leaderPages.getLeaderIdentity(lukashenko.id))?.aliases).toEqual([
      "Lukashenka",
      "Łukaszenka",
    ]);
  });

  it("warns before creating a second record of a name or alias, unless confirmed", async () => {
    const maduro = await t.db.leader.findFirstOrThrow({ where: { name: { contains: "Maduro" } } });
    const before = await t.db.leader.count();
    const warned = await leaders.createLeader(editor, leaderInput({ name: "nicolás MADURO" }));
    expect(warned).toMatchObject({
      ok: false,
      kind: "duplicate",
      duplicates: [{ id: maduro.id, name: maduro.name }],
    });
    if (!warned.ok) expect(warned.message).toContain(`There is already ${maduro.name} (`);
    const byAlias = await leaders.createLeader(
      editor,
      leaderInput({ name: "Someone Else", aliases: "Lukashenka" }),
    );
    expect(byAlias).toMatchObject({ ok: false, kind: "duplicate" });
    expect(await t.db.leader.count()).toBe(before);

    const confirmed = await leaders.createLeader(editor, {
      ...leaderInput({ name: "Nicolás Maduro" }),
      confirmDuplicate: true,
    });
    expect(confirmed).toMatchObject({ ok: true });
    if (confirmed.ok) await leaders.deleteLeader(editor, confirmed.leaderId, 1);
  });

  it("merges two records: entries move, names become aliases, both histories say so", async () => {
    const parade = await t.db.event.findFirstOrThrow({
      where: { slug: "victory-day-parade-2025" },
    });
    const other = await eventsAdmin.createEvent(editor, eventInput({ name: "Merge Summit" }));
    if (!other.ok) throw new Error("not created");
    const source = await t.db.source.findFirstOrThrow();
    const xi = await t.db.leader.findFirstOrThrow({ where: { name: "Xi Jinping" } });
    // A second record of Xi, with an entry for another event.
    const entry = await admin.createAttendance(editor, {
      eventId: other.eventId,
      leader: {
        create: { name: "Xi Jin-ping", office: "President", polity: "China", countryCode: "CN" },
      },
      status: "reported",
      asOf: null,
      note: "",
      citations: [{ sourceId: source.id, quote: "Lavrov said during a meeting" }],
    });
    if (!entry.ok) throw new Error("entry not created");
    const twin = await t.db.attendance.findUniqueOrThrow({ where: { id: entry.attendanceId } });

    const merged = await merge.mergeLeaders(editor, xi.id, xi.version, twin.leaderId);
    expect(merged).toMatchObject({ ok: true, attendanceIds: [entry.attendanceId] });
    const moved = await t.db.attendance.findUniqueOrThrow({ where: { id: entry.attendanceId } });
    expect(moved.leaderId).toBe(xi.id);
    expect(await t.db.leader.count({ where: { id: twin.leaderId } })).toBe(0);
    const kept = await t.db.leader.findUniqueOrThrow({ where: { id: xi.id } });
    expect(JSON.parse(kept.aliases)).toContain("Xi Jin-ping");
    const xiInOtherEvent = await attendance.listAttendance(other.eventId, {
      q: "xi jin-ping",
      sort: "name",
    });
    expect(xiInOtherEvent.map((e) => e.leader.name)).toEqual(["Xi Jinping"]);

    const revisions = await t.db.revision.findMany({
      where: {
        OR: [
          { entityType: "leader", entityId: { in: [xi.id, twin.leaderId] } },
          { entityType: "attendance", entityId: entry.attendanceId },
        ],
      },
      orderBy: { id: "asc" },
    });
    const merges = revisions.filter((r) => r.summary.includes("merged into"));
    expect(merges.map((r) => [r.entityType, r.entityId, r.action])).toEqual([
      ["attendance", entry.attendanceId, "update"],
      ["leader", xi.id, "update"],
      ["leader", twin.leaderId, "delete"],
    ]);
    expect(parade.id).not.toBe(other.eventId);
  });

  it("refuses a merge that would give one leader two entries for one event", async () => {
    const maduro = await t.db.leader.findFirstOrThrow({ where: { name: { contains: "Maduro" } } });
    const xi = await t.db.leader.findFirstOrThrow({ where: { name: "Xi Jinping" } });
    const before = await t.db.attendance.findMany({ orderBy: { id: "asc" } });
    const refused = await merge.mergeLeaders(editor, xi.id, xi.version, maduro.id);
    expect(refused).toMatchObject({ ok: false, kind: "invalid" });
    if (!refused.ok) expect(refused.message).toContain("both have an entry for Victory Day Parade");
    expect(await t.db.attendance.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await t.db.leader.count({ where: { id: maduro.id } })).toBe(1);
  });
});

describe("sources", () => {
  it("deletes an uncited source; refuses a cited one, naming the entries", async () => {
    const cited = await t.db.source.findFirstOrThrow();
    const refused = await sourceDelete.deleteSource(editor, cited.id, cited.version);
    expect(refused).toMatchObject({ ok: false, kind: "invalid" });
    if (!refused.ok) expect(refused.message).toContain("Xi Jinping (Victory Day Parade)");
    expect(await t.db.source.count({ where: { id: cited.id } })).toBe(1);

    const spare = await t.db.source.create({
      data: { title: "Mistake", publisher: "X", url: "https://example.org/x", text: "Nothing." },
    });
    expect(await sourceDelete.deleteSource(editor, spare.id, spare.version)).toMatchObject({
      ok: true,
    });
    expect(await t.db.source.count({ where: { id: spare.id } })).toBe(0);
  });
});

describe("links from /changes", () => {
  it("links a change to what it is about, and a deleted thing to its own history", async () => {
    const rows = await t.db.revision.findMany({
      where: { actorId: editor.id },
      select: { id: true, entityType: true, entityId: true },
    });
    const found = await links.linkRevisions(rows);
    const sourceDeleted = rows.find((r) => r.entityType === "source")!;
    expect(found[sourceDeleted.id]).toEqual({
      href: `/changes?about=source-${sourceDeleted.entityId}`,
      deleted: true,
    });
    const entry = rows.find((r) => r.entityType === "attendance")!;
    expect(found[entry.id]).toEqual({ href: `/attendance/${entry.entityId}`, deleted: false });
    const event = rows.find((r) => r.entityType === "event" && found[r.id]?.deleted === false)!;
    expect(found[event.id]!.href).toMatch(/^\/events\/[a-z0-9-]+$/);
    expect(links.parseAbout("leader-12")).toEqual({ entityType: "leader", entityId: 12 });
    expect(links.parseAbout("user-1")).toBeUndefined();
  });
});
