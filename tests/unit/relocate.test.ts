import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONTEXT_LENGTH, anchorQuote, type TextAnchor } from "../../lib/quotes/anchor";
import { relocateQuote, type Relocation } from "../../lib/quotes/relocate";

const ARTICLE = readFileSync(path.resolve(__dirname, "../../prisma/data/article.txt"), "utf8");

function anchor(text: string, quote: string): TextAnchor {
  const result = anchorQuote(text, quote);
  if (!result.ok) throw new Error(result.error.message);
  return result.anchor;
}

function expectFound(result: Relocation, kind: "exact" | "check"): TextAnchor {
  if (result.kind === "orphaned")
    throw new Error(`expected ${kind}, got orphaned (${result.reason})`);
  expect(result.kind).toBe(kind);
  return result.anchor;
}

/** The anchor's contract against the NEW text. */
function expectValid(text: string, a: TextAnchor): void {
  expect(text.slice(a.start, a.end)).toBe(a.quote);
  expect(a.prefix).toBe(text.slice(Math.max(0, a.start - CONTEXT_LENGTH), a.start));
  expect(a.suffix).toBe(text.slice(a.end, a.end + CONTEXT_LENGTH));
}

const FICO = anchor(
  ARTICLE,
  "Slovak Prime Minister Robert Fico is the only EU leader scheduled to attend",
);
const XI = anchor(ARTICLE, "Belarusian President Alexander Lukashenko, China’s leader Xi Jinping");

describe("relocateQuote: exact", () => {
  it("keeps a citation whose words are still at its position", () => {
    const edited = `${ARTICLE} A closing line.`;
    const result = relocateQuote(edited, FICO);
    expect(result).toEqual({ kind: "exact", step: "position", anchor: FICO });
  });

  it("follows a citation moved by a line inserted above", () => {
    const edited = `Updated on 14 April.\n${ARTICLE}`;
    const result = relocateQuote(edited, FICO);
    expect(result.kind === "exact" && result.step).toBe("elsewhere");
    const moved = expectFound(result, "exact");
    expect(moved.start).toBe(FICO.start + 21);
    expect(moved.quote).toBe(FICO.quote);
    expectValid(edited, moved);
  });

  it("lets the stored context pick the right one of two copies", () => {
    const text = "Before: the vote passed. Middle text here. After: the vote passed. End.";
    const second = anchor(text, "After: the vote passed").start + "After: ".length;
    const stored: TextAnchor = {
      quote: "the vote passed",
      start: second,
      end: second + 15,
      prefix: "After: ",
      suffix: ". End.",
    };
    const edited = `Intro. ${text}`;
    expect(expectFound(relocateQuote(edited, stored), "exact").start).toBe(second + 7);
  });
});

describe("relocateQuote: normalised (check)", () => {
  it("takes the new apostrophe and marks the citation to check", () => {
    const edited = ARTICLE.replace("China’s", "China's");
    const result = relocateQuote(edited, XI);
    expect(result.kind === "check" && result.step).toBe("normalised");
    const moved = expectFound(result, "check");
    expect(moved.quote).toBe(
      "Belarusian President Alexander Lukashenko, China's leader Xi Jinping",
    );
    expect(moved.start).toBe(XI.start);
    expectValid(edited, moved);
  });

  it("maps re-wrapped lines, a combining accent and a zero-width space back exactly", () => {
    const edited = ARTICLE.replace(
      "Alexander Lukashenko,",
      "Alexander\n   Luka\u0301shenko\u200B,",
    );
    const moved = expectFound(relocateQuote(edited, XI), "check");
    expect(moved.start).toBe(XI.start);
    expect(moved.quote).toBe(
      "Belarusian President Alexander\n   Luka\u0301shenko\u200B, China’s leader Xi Jinping",
    );
    expectValid(edited, moved);
  });

  it("compares case and dashes as equal", () => {
    const text = "He said the well-known phrase again.";
    const stored = anchor(text, "the well-known phrase");
    const edited = "He said THE WELL—KNOWN PHRASE again.";
    const moved = expectFound(relocateQuote(edited, stored), "check");
    expect(moved.quote).toBe("THE WELL—KNOWN PHRASE");
  });
});

describe("relocateQuote: approximate (check)", () => {
  it("takes a re-spelled name, whole word, and marks it to check", () => {
    const edited = ARTICLE.replace("Lukashenko", "Lukashenka");
    const result = relocateQuote(edited, XI);
    expect(result.kind === "check" && result.step).toBe("approximate");
    const moved = expectFound(result, "check");
    expect(moved.quote).toBe(
      "Belarusian President Alexander Lukashenka, China’s leader Xi Jinping",
    );
    expect(moved.start).toBe(XI.start);
    expectValid(edited, moved);
    expect(result.kind === "check" && result.score).toBeGreaterThan(0.9);
  });

  it("takes a phrase reworded inside the quote", () => {
    const edited = ARTICLE.replace("the only EU leader", "the sole European Union leader");
    const moved = expectFound(relocateQuote(edited, FICO), "check");
    expect(moved.quote).toBe(
      "Slovak Prime Minister Robert Fico is the sole European Union leader scheduled to attend",
    );
    expectValid(edited, moved);
  });

  it("keeps words inserted right before the quote out of it", () => {
    const edited = ARTICLE.replace("Slovak Prime", "as reported, Slovak Prme");
    const moved = expectFound(relocateQuote(edited, FICO), "check");
    expect(moved.quote.startsWith("Slovak Prme Minister")).toBe(true);
  });

  it("does not take the words before a quote whose first words were deleted", () => {
    const lula = anchor(
      ARTICLE,
      "Brazilian President Luiz Inacio Lula da Silva reportedly intends to visit Moscow for the celebrations",
    );
    const edited = ARTICLE.replace("Brazilian President ", "");
    const moved = expectFound(relocateQuote(edited, lula), "check");
    expect(moved.quote).toBe(
      "Luiz Inacio Lula da Silva reportedly intends to visit Moscow for the celebrations",
    );
  });
});

describe("relocateQuote: orphaned", () => {
  it("orphans a citation whose sentence was deleted", () => {
    const sentence = ARTICLE.slice(
      ARTICLE.indexOf("Several other foreign leaders"),
      ARTICLE.indexOf("Mahmoud Abbas.") + "Mahmoud Abbas.\n".length,
    );
    const edited = ARTICLE.replace(sentence, "");
    expect(relocateQuote(edited, XI)).toMatchObject({ kind: "orphaned", reason: "not-found" });
  });

  it("orphans a citation rewritten beyond recognition, and offers the closest passage", () => {
    const edited = ARTICLE.replace(
      "Belarusian President Alexander Lukashenko, China’s leader Xi Jinping",
      "Belarus's Alexander Lukashenko, Xi Jinping",
    );
    const result = relocateQuote(edited, XI);
    expect(result.kind).toBe("orphaned");
    if (result.kind !== "orphaned") return;
    expect(result.nearest?.passage).toBe("Belarus's Alexander Lukashenko, Xi Jinping");
    expect(edited.slice(result.nearest!.start, result.nearest!.end)).toBe(result.nearest!.passage);
  });

  it("orphans rather than guess between two equally good places", () => {
    const stored: TextAnchor = {
      quote: "the committee approved the budget",
      start: 0,
      end: 33,
      prefix: "",
      suffix: "",
    };
    const edited = "the committee approvd the budget. Later, the committee approves the budget.";
    expect(relocateQuote(edited, stored)).toMatchObject({ kind: "orphaned", reason: "too-close" });
  });

  it("orphans an empty quote and does not guess a short one", () => {
    expect(relocateQuote(ARTICLE, { ...FICO, quote: "  " })).toMatchObject({
      kind: "orphaned",
      reason: "empty",
    });
    const short = anchor(ARTICLE, "Yvan Gil");
    expect(relocateQuote(ARTICLE.replace("Yvan Gil", "Ivan Gil"), short).kind).toBe("orphaned");
  });
});

describe("relocateQuote: contract", () => {
  it("always quotes the new text verbatim, or moves nothing", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.string({ minLength: 1, maxLength: 60 }),
        fc.nat(),
        (text, quote, start) => {
          const result = relocateQuote(text, {
            quote,
            start: start % (text.length + 1),
            end: (start % (text.length + 1)) + quote.length,
            prefix: "",
            suffix: "",
          });
          if (result.kind !== "orphaned") expectValid(text, result.anchor);
          else if (result.nearest) {
            expect(text.slice(result.nearest.start, result.nearest.end)).toBe(
              result.nearest.passage,
            );
          }
        },
      ),
      { seed: 12, numRuns: 300 },
    );
  });

  it("keeps the contract on edited article text", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: ARTICLE.length - 80 }),
        fc.integer({ min: 12, max: 80 }),
        fc.integer({ min: 0, max: ARTICLE.length }),
        fc.string({ maxLength: 12 }),
        (from, length, at, insert) => {
          const result = anchorQuote(ARTICLE, ARTICLE.slice(from, from + length));
          if (!result.ok) return;
          const edited = ARTICLE.slice(0, at) + insert + ARTICLE.slice(at + 3);
          const moved = relocateQuote(edited, result.anchor);
          if (moved.kind !== "orphaned") expectValid(edited, moved.anchor);
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });
});
