import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEditor } from "@/lib/auth/editors";
import type { Editor } from "@/lib/data/session";
import { seedDatabase } from "../../prisma/seed";
import { createTestDatabase } from "./helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let editor: Editor;
let data: typeof import("@/lib/data/attendance-admin");
let sources: typeof import("@/lib/data/sources-admin");
let leaders: typeof import("@/lib/data/leaders");
let throttle: typeof import("@/lib/data/sign-in-throttle");

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.db);
  editor = (await createEditor(t.db, {
    email: "e@example.org",
    name: "E. Ditor",
    password: "a-long-password",
  })) as Editor;
  data = await import("@/lib/data/attendance-admin");
  sources = await import("@/lib/data/sources-admin");
  leaders = await import("@/lib/data/leaders");
  throttle = await import("@/lib/data/sign-in-throttle");
});
afterAll(() => t.cleanup());

async function seeded() {
  const event = await t.db.event.findFirstOrThrow();
  const source = await t.db.source.findFirstOrThrow();
  const fico = await t.db.attendance.findFirstOrThrow({
    where: { leader: { name: "Robert Fico" } },
  });
  return { event, source, fico };
}

describe("attendance writes", () => {
  it("creates an entry with a new leader, its anchored citation, a revision and a story step in one go", async () => {
    const { event, source } = await seeded();
    const result = await data.createAttendance(editor, {
      eventId: event.id,
      leader: {
        create: {
          name: "Sergey Lavrov",
          office: "Foreign Minister",
          polity: "Russia",
          countryCode: "RU",
        },
      },
      status: "reported",
      asOf: "2025-04-12",
      note: "",
      citations: [{ sourceId: source.id, quote: "Lavrov said during a meeting" }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const citation = await t.db.citation.findFirstOrThrow({
      where: { step: { attendanceId: result.attendanceId } },
    });
    expect(source.text.slice(citation.start, citation.end)).toBe("Lavrov said during a meeting");
    const revisions = await t.db.revision.findMany({ where: { actorId: editor.id } });
    expect(revisions.map((r) => [r.entityType, r.action])).toEqual([
      ["leader", "create"],
      ["attendance", "create"],
    ]);
    expect(await t.db.statusStep.count({ where: { attendanceId: result.attendanceId } })).toBe(1);
  });

  it("saves nothing when a quote does not anchor, even a new leader", async () => {
    const { event, source } = await seeded();
    const before = await Promise.all([
      t.db.leader.count(),
      t.db.attendance.count(),
      t.db.revision.count(),
    ]);
    const result = await data.createAttendance(editor, {
      eventId: event.id,
      leader: {
        create: {
          name: "Yvan Gil",
          office: "Foreign Minister",
          polity: "Venezuela",
          countryCode: "VE",
        },
      },
      status: "confirmed",
      asOf: null,
      note: "",
      citations: [
        { sourceId: source.id, quote: "Gil wrote on his Telegram channel" },
        { sourceId: source.id, quote: "China's leader Xi Jinping" },
      ],
    });
    expect(result).toMatchObject({ ok: false, kind: "invalid" });
    if (result.ok || result.kind !== "invalid") return;
    expect(Object.keys(result.errors)).toEqual(["citations.1.quote"]);
    expect(result.errors["citations.1.quote"]![0]).toContain("China’s leader Xi Jinping");
    expect(
      await Promise.all([t.db.leader.count(), t.db.attendance.count(), t.db.revision.count()]),
    ).toEqual(before);
  });

  it("refuses a save over a newer version and says what changed meanwhile", async () => {
    const { event, source, fico } = await seeded();
    const input = (status: "declined" | "reported", note: string) => ({
      eventId: event.id,
      leader: { id: fico.leaderId },
      status,
      asOf: "2025-04-20",
      note,
      citations: [
        {
          sourceId: source.id,
          quote: "Slovak Prime Minister Robert Fico is the only EU leader scheduled to attend",
        },
      ],
    });
    const first = await data.updateAttendance(
      editor,
      fico.id,
      fico.version,
      input("reported", "first"),
    );
    expect(first.ok).toBe(true);
    const revisionsAfterFirst = await t.db.revision.count();
    const second = await data.updateAttendance(
      editor,
      fico.id,
      fico.version,
      input("declined", "second"),
    );
    expect(second).toMatchObject({ ok: false, kind: "conflict", version: fico.version + 1 });
    if (second.ok || second.kind !== "conflict") return;
    expect(second.changes).toEqual(
      expect.arrayContaining([
        { field: "Status", before: "confirmed", after: "reported" },
        { field: "Note", before: "—", after: "first" },
      ]),
    );
    const stored = await t.db.attendance.findUniqueOrThrow({ where: { id: fico.id } });
    expect([stored.status, stored.note]).toEqual(["reported", "first"]);
    expect(await t.db.revision.count()).toBe(revisionsAfterFirst);
  });

  it("deletes an entry with its citations and keeps its history", async () => {
    const entry = await t.db.attendance.findFirstOrThrow({
      where: { leader: { name: "Ilham Aliyev" } },
    });
    const result = await data.deleteAttendance(editor, entry.id, entry.version);
    expect(result.ok).toBe(true);
    expect(await t.db.citation.count({ where: { step: { attendanceId: entry.id } } })).toBe(0);
    const revision = await t.db.revision.findFirstOrThrow({
      where: { entityId: entry.id, action: "delete" },
    });
    expect(JSON.parse(revision.before!)).toMatchObject({
      leader: "Ilham Aliyev",
      status: "confirmed",
    });
  });

  it("pages the admin list by keyset and filters it", async () => {
    const page = await data.listAdminAttendance({ q: "inácio" });
    expect(page.rows.map((r) => r.leader)).toEqual(["Luiz Inacio Lula da Silva"]);
    // LIKE's wildcards are plain characters in a search: no seeded leader has one.
    for (const q of ["%", "_", "\\", "l_la"]) {
      expect((await data.listAdminAttendance({ q })).rows, q).toEqual([]);
    }
    const all = await data.listAdminAttendance({});
    expect(all.rows.length).toBeGreaterThan(5);
    const older = await data.listAdminAttendance({ before: all.rows[2]!.id });
    expect(older.rows[0]!.id).toBe(all.rows[3]!.id);
  });
});

describe("source edits", () => {
  it("re-anchors citations when the text moves, and saves an edit that loses one, orphaning it", async () => {
    const source = await t.db.source.findFirstOrThrow();
    const base = {
      title: source.title,
      publisher: source.publisher,
      url: source.url,
      publishedOn: null,
      dateNote: source.dateNote,
    };
    const moved = await sources.updateSource(editor, source.id, source.version, {
      ...base,
      text: `Editor's note.\n${source.text}`,
    });
    expect(moved).toMatchObject({ ok: true, relocation: { exact: 11, check: 0, orphaned: 0 } });
    const updated = await t.db.source.findUniqueOrThrow({
      where: { id: source.id },
      include: { citations: true },
    });
    for (const c of updated.citations) expect(updated.text.slice(c.start, c.end)).toBe(c.quote);

    const text = updated.text.replace(
      "Brazilian President Luiz Inacio Lula da Silva reportedly intends to visit Moscow for the celebrations, whilst ",
      "",
    );
    const broken = await sources.updateSource(editor, source.id, updated.version, {
      ...base,
      text,
    });
    expect(broken).toMatchObject({ ok: true, relocation: { exact: 10, check: 0, orphaned: 1 } });
    const after = await t.db.source.findUniqueOrThrow({ where: { id: source.id } });
    expect(after.text).toBe(text);
    const lula = await t.db.citation.findFirstOrThrow({
      where: { sourceId: source.id, quote: { startsWith: "Brazilian President" } },
    });
    expect(lula).toMatchObject({
      lost: true,
      review: "orphaned",
      anchoredVersion: 2,
      checkedVersion: 3,
    });
  });
});

describe("leaders", () => {
  it("refuses to delete a leader an entry uses, and says so", async () => {
    const xi = await t.db.leader.findFirstOrThrow({ where: { name: "Xi Jinping" } });
    const result = await leaders.deleteLeader(editor, xi.id, xi.version);
    expect(result).toMatchObject({
      ok: false,
      kind: "invalid",
      message: expect.stringContaining("1 entry uses this leader"),
    });
    expect(await t.db.leader.count({ where: { id: xi.id } })).toBe(1);
  });
});

describe("sign-in throttle", () => {
  it("blocks the sixth failure within a minute per account and address, in the database", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    for (let i = 0; i < 5; i++) {
      expect(await throttle.secondsUntilSignInAllowed("a@b.org", "1.2.3.4", now)).toBe(0);
      await throttle.recordFailedSignIn("a@b.org", "1.2.3.4", now);
    }
    expect(await throttle.secondsUntilSignInAllowed("a@b.org", "1.2.3.4", now)).toBe(60);
    // Another address may still try; the counters are rows, so a restart keeps them.
    expect(await throttle.secondsUntilSignInAllowed("a@b.org", "5.6.7.8", now)).toBe(0);
    expect(await t.db.signInThrottle.count()).toBe(3);
    // A minute later the window is over.
    expect(
      await throttle.secondsUntilSignInAllowed(
        "a@b.org",
        "1.2.3.4",
        new Date(now.getTime() + 61_000),
      ),
    ).toBe(0);
  });
});
