import { describe, expect, it } from "vitest";
import { conflictChoices } from "@/lib/history/conflict";
import { diffSnapshots } from "@/lib/history/diff";

const cite = (quote: string, start: number) => ({
  sourceId: 1,
  source: "Maduro to attend",
  quote,
  start,
  end: start + quote.length,
});
const A = cite("Maduro will travel to Moscow", 10);
const B = cite("We appreciate that President Maduro will be with us", 200);

const snapshot = (citations: ReturnType<typeof cite>[], note = "") => ({
  version: 2,
  status: "reported",
  asOf: "2025-03-14",
  note,
  citations,
  story: [
    {
      id: 7,
      status: "reported",
      asOf: "2025-03-14",
      note: "",
      recordedAt: "2025-03-14T10:00:00.000Z",
      recordedBy: "A. Editor",
      citations,
    },
  ],
});

describe("diffSnapshots", () => {
  it("shows one citation added as that citation, not the whole list twice", () => {
    expect(diffSnapshots(snapshot([A]), snapshot([A, B]))).toEqual([
      {
        field: "Citation added (Reported, as of 14 March 2025)",
        before: "—",
        after: `“${B.quote}” (Maduro to attend)`,
      },
    ]);
  });

  it("shows a removed citation and an edited note on their own", () => {
    expect(diffSnapshots(snapshot([A, B]), snapshot([B], "Twice"))).toEqual([
      { field: "Note", before: "—", after: "Twice" },
      {
        field: "Citation removed (Reported, as of 14 March 2025)",
        before: `“${A.quote}” (Maduro to attend)`,
        after: "—",
      },
    ]);
  });

  it("lists citations one by one for revisions written before the story", () => {
    const old = (citations: ReturnType<typeof cite>[]) => ({ status: "reported", citations });
    expect(diffSnapshots(old([A]), old([A, B])).map((c) => c.field)).toEqual(["Citation added"]);
  });
});

describe("conflictChoices", () => {
  it("offers each field and citation the other save changed, with the form's names and values", () => {
    const loaded = {
      eventId: 1,
      event: "Parade",
      leaderId: 2,
      leader: "A",
      note: "",
      citations: [A],
    };
    const now = { ...loaded, note: "Changed", citations: [A, B] };
    expect(conflictChoices(loaded, now)).toEqual({
      fields: [{ name: "note", label: "Note", theirs: "Changed", text: "Changed" }],
      added: [{ sourceId: 1, source: "Maduro to attend", quote: B.quote, start: B.start }],
      removed: [],
    });
    expect(conflictChoices(now, loaded).removed.map((c) => c.quote)).toEqual([B.quote]);
  });

  it("takes a quote a source rewrite moved for the same citation, and another quote for a change", () => {
    const moved = { ...A, start: A.start + 40 };
    const loaded = { note: "", citations: [A, B] };
    expect(conflictChoices(loaded, { note: "", citations: [moved, B] })).toMatchObject({
      added: [],
      removed: [],
    });
    const other = { ...B, quote: "Other words", start: B.start };
    const choices = conflictChoices(loaded, { note: "", citations: [moved, other] });
    expect([choices.added.map((c) => c.quote), choices.removed.map((c) => c.quote)]).toEqual([
      ["Other words"],
      [B.quote],
    ]);
  });
});
