import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readStream } from "./helpers/read-stream";
import { createAccount } from "../factories";
import type { Editor } from "@/lib/data/session";
import { seedDatabase } from "../../prisma/seed";
import { createTestDatabase } from "./helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let editor: Editor;
let admin: typeof import("@/lib/data/attendance-admin");
let steps: typeof import("@/lib/data/steps-admin");
let history: typeof import("@/lib/data/history");
let reads: typeof import("@/lib/data/attendance");

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.db);
  editor = (await createAccount(t.db, {
    email: "h@example.org",
    name: "H. Istorian",
    password: "a-long-password",
  })) as Editor;
  admin = await import("@/lib/data/attendance-admin");
  steps = await import("@/lib/data/steps-admin");
  history = await import("@/lib/data/history");
  reads = await import("@/lib/data/attendance");
});
afterAll(() => t.cleanup());

async function entryOf(name: string) {
  return t.db.attendance.findFirstOrThrow({
    where: { leader: { name } },
    include: { event: true },
  });
}

const LULA_QUOTE =
  "Brazilian President Luiz Inacio Lula da Silva reportedly intends to visit Moscow for the celebrations";

function step(
  sourceId: number,
  status: "confirmed" | "reported" | "declined",
  asOf: string | null,
) {
  return { status, asOf, note: "", citations: [{ sourceId, quote: LULA_QUOTE }] };
}

describe("the story and the record", () => {
  it("shows two status changes as two steps in as-of order, even when entered out of order", async () => {
    const source = await t.db.source.findFirstOrThrow();
    const lula = await entryOf("Luiz Inacio Lula da Silva");
    // Entered first: declined as of 1 May. Entered second: confirmed as of 20 April.
    for (const [status, asOf] of [
      ["declined", "2025-05-01"],
      ["confirmed", "2025-04-20"],
    ] as const) {
      expect((await steps.addStep(editor, lula.id, step(source.id, status, asOf))).ok).toBe(true);
    }

    const story = await history.getStory(lula.id);
    expect(story.map((s) => [s.status, s.asOf])).toEqual([
      ["reported", "2025-04-12"],
      ["confirmed", "2025-04-20"],
      ["declined", "2025-05-01"],
    ]);
    expect(story[0]!.citations[0]!.quote).toBe(LULA_QUOTE);

    const record = await history.listEntryRevisions(lula.id);
    expect(record.map((r) => [r.action, r.actorName])).toEqual([
      ["update", "H. Istorian"],
      ["update", "H. Istorian"],
      ["create", "Seed: Venezuela's Maduro to attend Moscow's Victory Day parade"],
    ]);
    // The older step entered last leaves the current status (declined, 1 May) as it was.
    const stored = await entryOf("Luiz Inacio Lula da Silva");
    expect([stored.status, stored.asOf?.toISOString().slice(0, 10)]).toEqual([
      "declined",
      "2025-05-01",
    ]);
    expect(record[0]!.changes).toEqual([
      {
        field: "Step added",
        before: "—",
        after: `Confirmed, as of 20 April 2025\n“${LULA_QUOTE}” (Venezuela's Maduro to attend Moscow's Victory Day parade)`,
      },
    ]);
    expect(record[1]!.changes).toEqual(
      expect.arrayContaining([
        { field: "Status", before: "reported", after: "declined" },
        { field: "As of", before: "2025-04-12", after: "2025-05-01" },
      ]),
    );
  });

  it("lists the event as of a date: each entry's latest status by then, none before its first", async () => {
    const event = await t.db.event.findFirstOrThrow();
    const before = await reads.listAttendance(event.id, { sort: "name", day: "2025-04-11" });
    expect(before).toEqual([]);
    const april20 = await reads.listAttendance(event.id, { sort: "name", day: "2025-04-20" });
    expect(april20).toHaveLength(9);
    expect(april20.find((e) => e.leader.name.startsWith("Luiz"))?.status).toBe("confirmed");
    const april19 = await reads.listAttendance(event.id, {
      sort: "name",
      day: "2025-04-19",
      status: "reported",
    });
    expect(april19.map((e) => e.leader.name)).toEqual(["Luiz Inacio Lula da Silva"]);
    const may = await reads.getEventAttendance(event.slug, { sort: "name", day: "2025-05-02" });
    expect(may?.counts).toMatchObject({ confirmed: 8, reported: 0, declined: 1, total: 9 });
  });

  it("exports the list as of a date, per event and for all events", async () => {
    const eventCsv = (await import("@/app/events/[slug]/attendance.csv/route")).GET;
    const allCsv = (await import("@/app/attendance.csv/route")).GET;
    const csv = async (response: Response) =>
      parse((await readStream(response.body!)).text, { columns: true }) as Record<string, string>[];
    const params = { params: Promise.resolve({ slug: "victory-day-parade-2025" }) };

    const none = await csv(
      await eventCsv(
        new Request("http://x/events/victory-day-parade-2025/attendance.csv?asOf=2025-04-11"),
        params,
      ),
    );
    expect(none).toEqual([]);
    const reported = await csv(
      await eventCsv(
        new Request(
          "http://x/events/victory-day-parade-2025/attendance.csv?asOf=2025-04-19&status=reported",
        ),
        params,
      ),
    );
    expect(reported.map((r) => [r.leader, r.status, r.as_of])).toEqual([
      ["Luiz Inacio Lula da Silva", "reported", "2025-04-12"],
    ]);
    const all = await csv(
      await allCsv(new Request("http://x/attendance.csv?asOf=2025-05-02&status=declined")),
    );
    expect(all.map((r) => [r.leader, r.status, r.as_of])).toEqual([
      ["Luiz Inacio Lula da Silva", "declined", "2025-05-01"],
    ]);
    expect(await csv(await allCsv(new Request("http://x/attendance.csv?asOf=2025-04-11")))).toEqual(
      [],
    );
  });

  it("reverts to a past revision as a new revision, and drops the later story steps", async () => {
    const lula = await entryOf("Luiz Inacio Lula da Silva");
    const record = await history.listEntryRevisions(lula.id);
    const created = record.at(-1)!;
    const result = await history.revertAttendance(editor, lula.id, lula.version, created.id);
    expect(result.ok).toBe(true);
    const after = await entryOf("Luiz Inacio Lula da Silva");
    expect([after.status, after.asOf?.toISOString().slice(0, 10), after.version]).toEqual([
      "reported",
      "2025-04-12",
      lula.version + 1,
    ]);
    const newest = (await history.listEntryRevisions(lula.id))[0]!;
    expect(newest.action).toBe("revert");
    expect((await history.getStory(lula.id)).map((s) => s.status)).toEqual(["reported"]);
    const citation = await t.db.citation.findFirstOrThrow({
      where: { step: { attendanceId: lula.id } },
      include: { source: true },
    });
    expect(citation.source.text.slice(citation.start, citation.end)).toBe(LULA_QUOTE);
  });

  it("refuses a revert over a newer version with the edit's conflict message, and records nothing", async () => {
    const lula = await entryOf("Luiz Inacio Lula da Silva");
    const revisions = await t.db.revision.count();
    const target = (await history.listEntryRevisions(lula.id)).at(-1)!;
    const result = await history.revertAttendance(editor, lula.id, lula.version - 1, target.id);
    expect(result).toMatchObject({
      ok: false,
      kind: "conflict",
      message: expect.stringContaining("Someone else saved this entry after you opened it"),
    });
    expect(await t.db.revision.count()).toBe(revisions);
  });

  it("records nothing for a change that fails validation", async () => {
    const source = await t.db.source.findFirstOrThrow();
    const fico = await entryOf("Robert Fico");
    const revisions = await t.db.revision.count();
    const stepCount = await t.db.statusStep.count();
    const result = await steps.addStep(editor, fico.id, {
      ...step(source.id, "declined", null),
      citations: [{ sourceId: source.id, quote: "Fico declined" }],
    });
    expect(result).toMatchObject({ ok: false, kind: "invalid" });
    expect([await t.db.revision.count(), await t.db.statusStep.count()]).toEqual([
      revisions,
      stepCount,
    ]);
  });

  it("keeps a deleted entry's history readable in the recent changes", async () => {
    const rahmon = await entryOf("Emomali Rahmon");
    expect((await admin.deleteAttendance(editor, rahmon.id, rahmon.version)).ok).toBe(true);
    const { rows } = await history.listChanges({ eventSlug: rahmon.event.slug });
    expect(rows[0]).toMatchObject({
      action: "delete",
      subject: "Emomali Rahmon · Victory Day Parade",
      actorName: "H. Istorian",
    });
    expect(rows[0]!.changes).toEqual(
      expect.arrayContaining([{ field: "Status", before: "confirmed", after: "—" }]),
    );
    const byEditor = await history.listChanges({ actorId: editor.id });
    expect(byEditor.rows.every((r) => r.actorName === "H. Istorian")).toBe(true);
    expect(byEditor.rows.length).toBeGreaterThanOrEqual(4);
    expect((await history.listChanges({ eventSlug: "no-such-event" })).eventUnknown).toBe(true);
  });
});
