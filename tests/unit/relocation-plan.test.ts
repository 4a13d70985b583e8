import { describe, expect, it } from "vitest";
import { anchorQuote } from "../../lib/quotes/anchor";
import { planRelocations, type StoredCitation } from "../../lib/quotes/relocation-plan";

const TEXT =
  "The president will attend the summit, his office said. The prime minister declined. Officials expect twenty leaders.";
const NOW = new Date("2026-12-01T10:00:00Z");

function cite(id: number, quote: string, extra: Partial<StoredCitation> = {}): StoredCitation {
  const result = anchorQuote(TEXT, quote);
  if (!result.ok) throw new Error(result.error.message);
  return { id, ...result.anchor, anchoredVersion: 1, review: "", ...extra };
}

describe("planRelocations", () => {
  it("moves what it finds, takes new wording to check, and leaves an orphan where it was", () => {
    const citations = [
      cite(1, "The president will attend the summit"),
      cite(2, "The prime minister declined"),
      cite(3, "Officials expect twenty leaders"),
    ];
    const edited =
      "Update. The president will attend the summit, his office said. Officials expect twenty-two leaders.";
    const { changes, counts } = planRelocations(edited, 2, citations, NOW);
    expect(counts).toEqual({ exact: 1, check: 1, orphaned: 1 });

    const [moved, orphan, changed] = changes;
    expect(moved).toMatchObject({
      outcome: "exact",
      data: { start: 8, anchoredVersion: 2, checkedVersion: 2, review: "", reviewSince: null },
    });
    expect(orphan).toMatchObject({
      outcome: "orphaned",
      data: {
        quote: citations[1]!.quote,
        start: citations[1]!.start,
        end: citations[1]!.end,
        anchoredVersion: 1,
        checkedVersion: 2,
        review: "orphaned",
      },
    });
    expect(orphan!.data.reviewSince).toEqual(NOW);
    expect(changed).toMatchObject({
      outcome: "check",
      data: {
        quote: "Officials expect twenty-two leaders",
        review: "check",
        anchoredVersion: 2,
      },
    });
    expect(edited.slice(changed!.data.start, changed!.data.end)).toBe(changed!.data.quote);
  });

  it("re-finds an orphan whose words are back, and keeps an unconfirmed check to check", () => {
    const orphan = cite(1, "The prime minister declined", { review: "orphaned" });
    const unconfirmed = cite(2, "Officials expect twenty leaders", { review: "check" });
    const { changes } = planRelocations(`${TEXT} More.`, 3, [orphan, unconfirmed], NOW);
    expect(changes.map((c) => [c.outcome, c.data.review, c.data.reviewSince])).toEqual([
      ["exact", "", null],
      ["exact", "check", undefined],
    ]);
  });

  it("keeps the date an orphan was first orphaned", () => {
    const orphan = cite(1, "The prime minister declined", { review: "orphaned" });
    const { changes } = planRelocations("Nothing of it is left.", 4, [orphan], NOW);
    expect(changes[0]!.data).toMatchObject({
      review: "orphaned",
      checkedVersion: 4,
      anchoredVersion: 1,
    });
    expect(changes[0]!.data.reviewSince).toBeUndefined();
  });
});
