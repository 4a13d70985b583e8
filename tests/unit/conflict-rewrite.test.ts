import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Editor } from "@/lib/data/session";
import { createEditor, createEntry, createEvent, createSource } from "../factories";
import { createTestDatabase } from "./helpers/test-db";

/**
 * Two tabs save one entry after its source was rewritten (its quote moved, its words did not):
 * the conflict lists the note the other tab changed, and no citation that merely moved.
 */
let t: Awaited<ReturnType<typeof createTestDatabase>>;
let editor: Editor;
let steps: typeof import("@/lib/data/steps-admin");
let entries: typeof import("@/lib/data/attendance-admin");
let sources: typeof import("@/lib/data/sources-admin");

const TEXT = "Borduria's leader Boris Sample will attend the summit, officials said.";
const QUOTE = "Boris Sample will attend the summit";

beforeAll(async () => {
  t = await createTestDatabase();
  const account = await createEditor(t.db, { name: "T. Abs" });
  editor = {
    id: account.id,
    name: account.name,
    email: account.email,
    role: account.role,
  } as Editor;
  steps = await import("@/lib/data/steps-admin");
  entries = await import("@/lib/data/attendance-admin");
  sources = await import("@/lib/data/sources-admin");
});
afterAll(() => t.cleanup());

/** An entry citing QUOTE, then its source rewritten so that the quote stands further on. */
async function rewrittenEntry() {
  const event = await createEvent(t.db);
  // A text of its own: a source whose text is already stored is refused as a duplicate.
  const text = `${TEXT} Report ${event.id}.`;
  const source = await createSource(t.db, { title: "Wire", text });
  const entry = await createEntry(t.db, {
    eventId: event.id,
    leader: { name: `Boris Sample`, polity: "Borduria" },
    steps: [
      {
        status: "confirmed",
        asOf: "2025-04-12",
        citations: [{ sourceId: source.id, quote: QUOTE }],
      },
    ],
  });
  const before = await t.db.citation.findFirstOrThrow({ where: { sourceId: source.id } });
  const saved = await sources.updateSource(editor, source.id, source.version, {
    title: source.title,
    publisher: source.publisher,
    url: source.url,
    publishedOn: null,
    dateNote: "",
    text: `UPDATED with a new opening paragraph. ${text}`,
  });
  expect(saved.ok).toBe(true);
  const after = await t.db.citation.findFirstOrThrow({ where: { id: before.id } });
  // The premise: the quote moved and kept its words.
  expect([after.quote, after.start === before.start]).toEqual([QUOTE, false]);
  return entry;
}

describe("a conflict after a source rewrite", () => {
  it("on the entry's form lists only the note", async () => {
    const entry = await rewrittenEntry();
    const loaded = await t.db.attendance.findUniqueOrThrow({ where: { id: entry.id } });
    const input = { eventId: loaded.eventId, leader: { id: loaded.leaderId } };
    const first = await entries.updateAttendance(editor, entry.id, loaded.version, {
      ...input,
      note: "From the first tab",
    });
    expect(first.ok).toBe(true);
    const second = await entries.updateAttendance(editor, entry.id, loaded.version, {
      ...input,
      note: "From the second tab",
    });
    expect(second).toMatchObject({ ok: false, kind: "conflict" });
    if (second.ok || second.kind !== "conflict") return;
    expect(second.changes.map((c) => c.field)).toEqual(["Note"]);
    expect(second.choices).toMatchObject({ added: [], removed: [] });
    expect(second.choices?.fields.map((f) => f.name)).toEqual(["note"]);
  });

  it("on a step's form lists only the note", async () => {
    const entry = await rewrittenEntry();
    const step = await t.db.statusStep.findFirstOrThrow({ where: { attendanceId: entry.id } });
    const input = {
      status: "confirmed" as const,
      asOf: "2025-04-12",
      citations: [{ sourceId: entry.steps[0]!.citations[0]!.sourceId, quote: QUOTE }],
    };
    const first = await steps.updateStep(editor, step.id, step.version, {
      ...input,
      note: "From the first tab",
    });
    expect(first.ok).toBe(true);
    const second = await steps.updateStep(editor, step.id, step.version, {
      ...input,
      note: "From the second tab",
    });
    expect(second).toMatchObject({ ok: false, kind: "conflict" });
    if (second.ok || second.kind !== "conflict") return;
    expect(second.changes.map((c) => c.field)).toEqual(["Note"]);
    expect(second.choices).toMatchObject({ added: [], removed: [] });
    expect(second.choices?.fields.map((f) => f.name)).toEqual(["note"]);
  });
});
