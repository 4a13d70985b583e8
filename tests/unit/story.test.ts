import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Editor } from "@/lib/data/session";
import { createEditor, createEntry, createEvent, createSource } from "../factories";
import { createTestDatabase } from "./helpers/test-db";

/**
 * The story as data: steps with citations of their own, the current status derived from them.
 * Two sources: an older wire report (Boris was invited, had not confirmed) and a later paper
 * (Boris will not travel; Anna will attend).
 */
let t: Awaited<ReturnType<typeof createTestDatabase>>;
let editor: Editor;
let steps: typeof import("@/lib/data/steps-admin");
let reads: typeof import("@/lib/data/attendance");
let history: typeof import("@/lib/data/history");
let sources: typeof import("@/lib/data/sources-admin");
let cited: typeof import("@/lib/data/sources");

const WIRE = "Borduria's leader Boris Sample was invited but has not confirmed, officials said.";
const PAPER =
  "Borduria's leader Boris Sample will not travel to the summit. Ruritania's Anna Example will attend.";
const INVITED = "Boris Sample was invited but has not confirmed";
const WONT = "Boris Sample will not travel to the summit";

let eventId: number;
let wireId: number;
let paperId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  const account = await createEditor(t.db, { name: "S. Tory" });
  editor = {
    id: account.id,
    name: account.name,
    email: account.email,
    role: account.role,
  } as Editor;
  steps = await import("@/lib/data/steps-admin");
  reads = await import("@/lib/data/attendance");
  history = await import("@/lib/data/history");
  sources = await import("@/lib/data/sources-admin");
  cited = await import("@/lib/data/sources");
  eventId = (await createEvent(t.db)).id;
  wireId = (await createSource(t.db, { title: "Wire", text: WIRE })).id;
  paperId = (await createSource(t.db, { title: "Paper", text: PAPER })).id;
});
afterAll(() => t.cleanup());

const boris = () =>
  createEntry(t.db, {
    eventId,
    leader: { name: "Boris Sample", polity: "Borduria" },
    steps: [
      {
        status: "confirmed",
        asOf: "2025-04-12",
        citations: [{ sourceId: paperId, quote: "Anna Example will attend" }],
      },
    ],
  });

const entry = (id: number) => t.db.attendance.findUniqueOrThrow({ where: { id } });
const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

describe("steps and the current status", () => {
  it("an older step keeps the current status, a newer one changes it, removing it brings the previous back", async () => {
    const b = await boris();
    const older = await steps.addStep(editor, b.id, {
      status: "reported",
      asOf: "2025-03-14",
      note: "",
      citations: [{ sourceId: wireId, quote: INVITED }],
    });
    expect(older.ok).toBe(true);
    let now = await entry(b.id);
    expect([now.status, day(now.asOf)]).toEqual(["confirmed", "2025-04-12"]);

    const newer = await steps.addStep(editor, b.id, {
      status: "declined",
      asOf: "2025-05-02",
      note: "Travel cancelled",
      citations: [{ sourceId: paperId, quote: WONT }],
    });
    expect(newer.ok).toBe(true);
    if (!newer.ok) return;
    now = await entry(b.id);
    expect([now.status, day(now.asOf), now.currentStepId]).toEqual([
      "declined",
      "2025-05-02",
      newer.stepId,
    ]);
    const story = await history.getStory(b.id);
    expect(story.map((s) => [s.status, s.asOf, s.current])).toEqual([
      ["reported", "2025-03-14", false],
      ["confirmed", "2025-04-12", false],
      ["declined", "2025-05-02", true],
    ]);
    const listed = (await reads.listAttendance(eventId, { sort: "name" })).find(
      (e) => e.id === b.id,
    )!;
    expect(listed.citations.map((c) => c.quote)).toEqual([WONT]);

    const step = story.at(-1)!;
    const removed = await steps.removeStep(editor, step.id, step.version);
    expect(removed.ok).toBe(true);
    now = await entry(b.id);
    expect([now.status, day(now.asOf)]).toEqual(["confirmed", "2025-04-12"]);

    // Every change was a revision of the entry, each naming its step.
    const record = await history.listEntryRevisions(b.id);
    expect(record.map((r) => r.summary)).toEqual([
      "Removed a step: declined, as of 2 May 2025",
      "Added a step: declined, as of 2 May 2025",
      "Added a step: reported, as of 14 March 2025",
      "",
    ]);
    expect(record[0]!.changes).toContainEqual(
      expect.objectContaining({ field: "Step removed", after: "—" }),
    );
  });

  it("never removes the last step", async () => {
    const b = await createEntry(t.db, {
      eventId,
      leader: { name: "Solo Leader" },
      steps: [{ status: "reported", citations: [{ sourceId: wireId, quote: INVITED }] }],
    });
    const [only] = b.steps;
    const result = await steps.removeStep(editor, only!.id, only!.version);
    expect(result).toMatchObject({ ok: false, kind: "invalid" });
    expect(await t.db.statusStep.count({ where: { attendanceId: b.id } })).toBe(1);
  });

  it("flags sources that disagree on the same day, and clears the flag when resolved", async () => {
    const b = await createEntry(t.db, {
      eventId,
      leader: { name: "Disputed Leader" },
      steps: [
        {
          status: "confirmed",
          asOf: "2025-04-12",
          citations: [{ sourceId: paperId, quote: "Anna Example will attend" }],
        },
      ],
    });
    const added = await steps.addStep(editor, b.id, {
      status: "declined",
      asOf: "2025-04-12",
      note: "",
      citations: [{ sourceId: paperId, quote: WONT }],
    });
    if (!added.ok) throw new Error(added.message);
    let now = await entry(b.id);
    // The later recorded one counts.
    expect([now.status, now.sourcesDisagree]).toEqual(["declined", true]);
    const listed = (await reads.listAttendance(eventId, { sort: "name" })).find(
      (e) => e.id === b.id,
    )!;
    expect(listed.sourcesDisagree).toBe(true);

    const step = (await history.getStory(b.id)).find((s) => s.id === added.stepId)!;
    const moved = await steps.updateStep(editor, step.id, step.version, {
      status: "declined",
      asOf: "2025-04-20",
      note: "",
      citations: [{ sourceId: paperId, quote: WONT }],
    });
    expect(moved.ok).toBe(true);
    now = await entry(b.id);
    expect([now.status, day(now.asOf), now.sourcesDisagree]).toEqual([
      "declined",
      "2025-04-20",
      false,
    ]);
  });

  it("lists a day before, between and after the steps", async () => {
    const b = await createEntry(t.db, {
      eventId,
      leader: { name: "Dated Leader" },
      steps: [
        {
          status: "reported",
          asOf: "2025-03-14",
          citations: [{ sourceId: wireId, quote: INVITED }],
        },
        { status: "declined", asOf: "2025-05-02", citations: [{ sourceId: paperId, quote: WONT }] },
      ],
    });
    const on = async (d: string) =>
      (await reads.listDay(eventId, d)).find((e) => e.id === b.id) ?? null;
    expect(await on("2025-03-13")).toBeNull();
    const between = await on("2025-04-01");
    expect([between?.status, between?.asOf, between?.citations.map((c) => c.quote)]).toEqual([
      "reported",
      "2025-03-14",
      [INVITED],
    ]);
    const after = await on("2025-06-01");
    expect([after?.status, after?.citations[0]?.source.title]).toEqual(["declined", "Paper"]);
  });

  it("two editors adding different steps both succeed; two editing one step conflict", async () => {
    const b = await boris();
    const base = { note: "", citations: [{ sourceId: wireId, quote: INVITED }] };
    const [one, two] = await Promise.all([
      steps.addStep(editor, b.id, { ...base, status: "reported", asOf: "2025-03-01" }),
      steps.addStep(editor, b.id, { ...base, status: "reported", asOf: "2025-03-02" }),
    ]);
    expect([one.ok, two.ok]).toEqual([true, true]);
    expect(await t.db.statusStep.count({ where: { attendanceId: b.id } })).toBe(3);

    const [step] = (await history.getStory(b.id)).filter((s) => s.asOf === "2025-03-01");
    const first = await steps.updateStep(editor, step!.id, step!.version, {
      ...base,
      status: "reported",
      asOf: "2025-03-03",
      note: "First editor",
    });
    expect(first.ok).toBe(true);
    const second = await steps.updateStep(editor, step!.id, step!.version, {
      ...base,
      status: "declined",
      asOf: "2025-03-01",
    });
    expect(second).toMatchObject({ ok: false, kind: "conflict" });
    if (second.ok || second.kind !== "conflict") return;
    // What the first editor changed since the second loaded the step, not the second's input.
    expect(second.changes).toEqual([
      { field: "As of", before: "2025-03-01", after: "2025-03-03" },
      { field: "Note", before: "—", after: "First editor" },
    ]);
  });
});

describe("sources and every step's citations", () => {
  it("the source page lists every step's passages, current ones told apart", async () => {
    const passages = await cited.listCitedPassages(wireId);
    const entries = passages.flatMap((p) => p.entries);
    expect(entries.some((e) => e.current === false && e.status === "reported")).toBe(true);
  });

  it("orphans a past step's quote a source edit removes, and re-finds it when it is back", async () => {
    const source = await t.db.source.findUniqueOrThrow({ where: { id: wireId } });
    const quote = "Boris Sample was invited but has not confirmed";
    const before = await t.db.citation.findFirstOrThrow({ where: { sourceId: wireId, quote } });
    const result = await sources.updateSource(editor, wireId, source.version, {
      title: source.title,
      publisher: source.publisher,
      url: source.url,
      publishedOn: null,
      dateNote: "",
      text: WIRE.replace("was invited but has not confirmed", "was invited"),
    });
    const citing = await t.db.citation.count({ where: { sourceId: wireId } });
    expect(result).toMatchObject({ ok: true, relocation: { exact: 0, orphaned: citing } });
    // Nothing moved: kept where it was, in the text it was cited in.
    expect(await t.db.citation.findUniqueOrThrow({ where: { id: before.id } })).toMatchObject({
      quote,
      start: before.start,
      end: before.end,
      lost: true,
      review: "orphaned",
      anchoredVersion: 1,
      checkedVersion: 2,
    });

    // The words back, moved: every step's citation gets its new offsets, the orphan too.
    const edited = await t.db.source.findUniqueOrThrow({ where: { id: wireId } });
    const moved = await sources.updateSource(editor, wireId, edited.version, {
      title: source.title,
      publisher: source.publisher,
      url: source.url,
      publishedOn: null,
      dateNote: "",
      text: `UPDATE. ${WIRE}`,
    });
    expect(moved).toMatchObject({ ok: true, relocation: { orphaned: 0 } });
    for (const c of await t.db.citation.findMany({ where: { sourceId: wireId } })) {
      expect(`UPDATE. ${WIRE}`.slice(c.start, c.end)).toBe(c.quote);
      expect(c).toMatchObject({ lost: false, review: "", anchoredVersion: 3 });
    }
  });
});

describe("revert", () => {
  it("restores the whole story, and refuses with a message when the pair is taken", async () => {
    const b = await createEntry(t.db, {
      eventId,
      leader: { name: "Reverted Leader" },
      steps: [
        {
          status: "reported",
          asOf: "2025-03-14",
          citations: [{ sourceId: paperId, quote: "Anna Example will attend" }],
        },
      ],
    });
    const created = (await history.listEntryRevisions(b.id))[0]!;
    await steps.addStep(editor, b.id, {
      status: "declined",
      asOf: "2025-05-02",
      note: "",
      citations: [{ sourceId: paperId, quote: WONT }],
    });
    const now = await entry(b.id);
    const reverted = await history.revertAttendance(editor, b.id, now.version, created.id);
    expect(reverted.ok).toBe(true);
    const story = await history.getStory(b.id);
    expect(story.map((s) => [s.id, s.status, s.asOf])).toEqual([
      [b.steps[0]!.id, "reported", "2025-03-14"],
    ]);
    expect((await entry(b.id)).status).toBe("reported");

    // The entry moves to another leader, and its old leader gets a new entry: the version
    // to restore is for a pair now taken.
    const elsewhere = await t.db.leader.create({
      data: { name: "Elsewhere", office: "-", polity: "-" },
    });
    await t.db.attendance.update({ where: { id: b.id }, data: { leaderId: elsewhere.id } });
    const other = await createEntry(t.db, {
      eventId,
      leader: b.leaderId,
      steps: [{ status: "reported", citations: [{ sourceId: paperId, quote: WONT }] }],
    });
    const before = await entry(b.id);
    const refused = await history.revertAttendance(editor, b.id, before.version, created.id);
    expect(refused).toMatchObject({ ok: false, kind: "invalid" });
    if (refused.ok) return;
    expect(refused.message).toContain(`now has another entry (#${other.id}). Nothing was changed.`);
    expect(await entry(b.id)).toEqual(before);
  });
});
