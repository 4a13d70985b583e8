import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../factories";
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
  editor = (await createAccount(t.db, {
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
    const { event, fico } = await seeded();
    const input = (note: string) => ({
      eventId: event.id,
      leader: { id: fico.leaderId },
      note,
    });
    const first = await data.updateAttendance(editor, fico.id, fico.version, input("first"));
    expect(first.ok).toBe(true);
    const revisionsAfterFirst = await t.db.revision.count();
    const second = await data.updateAttendance(editor, fico.id, fico.version, input("second"));
    expect(second).toMatchObject({ ok: false, kind: "conflict", version: fico.version + 1 });
    if (second.ok || second.kind !== "conflict") return;
    expect(second.changes).toEqual([{ field: "Note", before: "—", after: "first" }]);
    const stored = await t.db.attendance.findUniqueOrThrow({ where: { id: fico.id } });
    expect(stored.note).toBe("first");
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
  it("relocates citations when the text moves, and saves an edit that loses one, orphaning it", async () => {
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
    const citing = await t.db.citation.count({ where: { sourceId: source.id } });
    expect(moved).toMatchObject({ ok: true, relocation: { exact: citing, check: 0, orphaned: 0 } });
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
    expect(broken).toMatchObject({
      ok: true,
      relocation: { exact: citing - 1, check: 0, orphaned: 1 },
    });
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
  const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);
  const refused = async (email: string, address: string, now: Date) =>
    (await throttle.signInGate(email, address, now)).refuseForSeconds;

  it("refuses the sixth failure within a minute per account and address, in the database", async () => {
    const now = at(0);
    for (let i = 0; i < 5; i++) {
      expect(await refused("a@b.org", "1.2.3.4", now)).toBe(0);
      await throttle.recordFailedSignIn("a@b.org", "1.2.3.4", now);
    }
    expect(await refused("a@b.org", "1.2.3.4", now)).toBe(60);
    // Another address may still try; the counters are rows, so a restart keeps them.
    expect(await refused("a@b.org", "5.6.7.8", now)).toBe(0);
    expect(await t.db.signInThrottle.count()).toBe(3);
    // A minute later the window is over.
    expect(await refused("a@b.org", "1.2.3.4", at(61_000))).toBe(0);
  });

  it("never refuses an account for failures from elsewhere: it slows it down, up to a bound", async () => {
    const now = at(10 * 60_000);
    for (let i = 0; i < 40; i++) {
      await throttle.recordFailedSignIn("slow@b.org", `203.0.113.${i}`, now);
    }
    const gate = await throttle.signInGate("slow@b.org", "198.51.100.7", now);
    expect(gate.refuseForSeconds).toBe(0);
    expect(gate.delayMs).toBe(throttle.ACCOUNT_MAX_DELAY_MS);
    expect(throttle.accountDelayMs(10)).toBe(0);
    expect(throttle.accountDelayMs(11)).toBeGreaterThan(0);
    expect(throttle.accountDelayMs(13)).toBeGreaterThan(throttle.accountDelayMs(12));
  });

  it("deletes the rows whose window has ended when it records a failure", async () => {
    await t.db.signInThrottle.deleteMany();
    const now = at(60 * 60_000);
    for (let i = 0; i < 20; i++) {
      await throttle.recordFailedSignIn("old@b.org", `192.0.2.${i}`, at(0));
    }
    await throttle.recordFailedSignIn("new@b.org", "192.0.2.200", now);
    const keys = (await t.db.signInThrottle.findMany()).map((r) => r.key).sort();
    expect(keys).toEqual([
      "account:new@b.org",
      "address:192.0.2.200",
      "pair:new@b.org|192.0.2.200",
    ]);
  });
});
