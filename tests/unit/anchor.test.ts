import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it, expect } from "vitest";
import {
  CONTEXT_LENGTH,
  anchorQuote,
  describeAnchorError,
  relocateQuoteVerbatim,
  type AnchorError,
  type AnchorResult,
  type TextAnchor,
} from "../../lib/quotes/anchor";

const ARTICLE = readFileSync(path.resolve(__dirname, "../../prisma/data/article.txt"), "utf8");

/** Deterministic PRNG (mulberry32) so property-style loops are reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function occurrencesOf(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

function expectAnchor(result: AnchorResult): TextAnchor {
  if (!result.ok)
    throw new Error(`expected an anchor, got ${result.error.kind}: ${result.error.message}`);
  return result.anchor;
}

function expectError<K extends AnchorError["kind"]>(
  result: AnchorResult,
  kind: K,
): Extract<AnchorError, { kind: K }> {
  if (result.ok)
    throw new Error(`expected a ${kind} error, got an anchor at ${result.anchor.start}`);
  expect(result.error.kind).toBe(kind);
  return result.error as Extract<AnchorError, { kind: K }>;
}

/** The full contract of an anchor against the text it was made for. */
function expectValidAnchor(text: string, anchor: TextAnchor): void {
  expect(text.slice(anchor.start, anchor.end)).toBe(anchor.quote);
  expect(anchor.prefix).toBe(text.slice(Math.max(0, anchor.start - CONTEXT_LENGTH), anchor.start));
  expect(anchor.suffix).toBe(text.slice(anchor.end, anchor.end + CONTEXT_LENGTH));
}

describe("anchorQuote: exact matches", () => {
  it("exports a context length of 32", () => {
    expect(CONTEXT_LENGTH).toBe(32);
  });

  it("anchors the Xi Jinping passage with its curly apostrophe", () => {
    const quote = "China’s leader Xi Jinping";
    const anchor = expectAnchor(anchorQuote(ARTICLE, quote));
    expect(anchor.quote).toBe(quote);
    expect(anchor.start).toBe(ARTICLE.indexOf(quote));
    expect(anchor.end).toBe(anchor.start + quote.length);
    expect(anchor.prefix).toBe("President Alexander Lukashenko, ");
    expect(anchor.suffix).toBe(", Tajikistan's Emomali Rahmon, A");
    expect(anchor.prefix).toHaveLength(CONTEXT_LENGTH);
    expect(anchor.suffix).toHaveLength(CONTEXT_LENGTH);
    expectValidAnchor(ARTICLE, anchor);
  });

  it("anchors a full sentence", () => {
    const quote =
      "Several other foreign leaders have confirmed their attendance at the Victory Day parade, including Belarusian President Alexander Lukashenko, China’s leader Xi Jinping";
    const anchor = expectAnchor(anchorQuote(ARTICLE, quote));
    expectValidAnchor(ARTICLE, anchor);
    expect(anchor.prefix.endsWith("Telegram channel.\n")).toBe(true);
  });

  it("anchors “Caracas’ bid” with its trailing curly apostrophe", () => {
    const anchor = expectAnchor(anchorQuote(ARTICLE, "Caracas’ bid"));
    expect(anchor.start).toBe(ARTICLE.indexOf("Caracas’ bid"));
    expectValidAnchor(ARTICLE, anchor);
  });

  it("anchors accented text such as “Hugo Chávez”", () => {
    const anchor = expectAnchor(anchorQuote(ARTICLE, "Hugo Chávez"));
    expect(anchor.start).toBe(ARTICLE.indexOf("Hugo Chávez"));
    expectValidAnchor(ARTICLE, anchor);
  });

  it("trims leading and trailing whitespace of the quote", () => {
    const anchor = expectAnchor(anchorQuote(ARTICLE, "  \n China’s leader Xi Jinping \t"));
    expect(anchor.quote).toBe("China’s leader Xi Jinping");
    expect(anchor.start).toBe(ARTICLE.indexOf("China’s leader Xi Jinping"));
    expectValidAnchor(ARTICLE, anchor);
  });

  it("matches across a line break only when the quote has the same line break", () => {
    const quote = "Vladimir Putin.\nThe announcement";
    expectValidAnchor(ARTICLE, expectAnchor(anchorQuote(ARTICLE, quote)));
    const nearest = expectError(
      anchorQuote(ARTICLE, "Vladimir Putin. The announcement"),
      "not-found",
    ).nearest;
    expect(nearest?.passage).toBe(quote);
  });
});

describe("anchorQuote: context at the edges of the text", () => {
  it("has an empty prefix at the start of the text", () => {
    const anchor = expectAnchor(anchorQuote(ARTICLE, "Venezuelan President Nicolas Maduro"));
    expect(anchor.start).toBe(0);
    expect(anchor.prefix).toBe("");
    expect(anchor.suffix).toBe(ARTICLE.slice(anchor.end, anchor.end + 32));
    expect(anchor.suffix).toHaveLength(32);
  });

  it("has a short prefix near the start of the text", () => {
    const anchor = expectAnchor(anchorQuote(ARTICLE, "President Nicolas Maduro"));
    expect(anchor.start).toBe(11);
    expect(anchor.prefix).toBe("Venezuelan ");
  });

  it("has an empty suffix at the end of the text", () => {
    const anchor = expectAnchor(anchorQuote(ARTICLE, "export oil from Venezuela."));
    expect(anchor.end).toBe(ARTICLE.length);
    expect(anchor.suffix).toBe("");
    expect(anchor.prefix).toHaveLength(32);
    expectValidAnchor(ARTICLE, anchor);
  });

  it("has a short suffix near the end of the text", () => {
    const anchor = expectAnchor(anchorQuote(ARTICLE, "export oil from"));
    expect(anchor.suffix).toBe(" Venezuela.");
  });

  it("uses the whole text when the quote is the whole text", () => {
    const anchor = expectAnchor(anchorQuote("only this", "only this"));
    expect(anchor).toEqual({ quote: "only this", start: 0, end: 9, prefix: "", suffix: "" });
  });

  it("never splits a surrogate pair in the prefix or suffix", () => {
    const emoji = "😀";
    // Cutting 32 code units before/after the quote would land inside an emoji.
    const text = `${emoji.repeat(20)} QUOTE ${emoji.repeat(20)}`;
    const anchor = expectAnchor(anchorQuote(text, "QUOTE"));
    expect(text.slice(anchor.start, anchor.end)).toBe("QUOTE");
    expect(anchor.prefix).toHaveLength(CONTEXT_LENGTH - 1);
    expect(anchor.suffix).toHaveLength(CONTEXT_LENGTH - 1);
    expect(anchor.prefix).toBe(`${emoji.repeat(15)} `);
    expect(anchor.suffix).toBe(` ${emoji.repeat(15)}`);
    expect(text.slice(anchor.start - anchor.prefix.length, anchor.end + anchor.suffix.length)).toBe(
      anchor.prefix + anchor.quote + anchor.suffix,
    );
  });
});

describe("anchorQuote: empty quotes", () => {
  it.each(["", "   ", "\n\t  \n", "\u00a0"])("rejects %j as empty", (quote) => {
    const error = expectError(anchorQuote(ARTICLE, quote), "empty");
    expect(error.message).toMatch(/quote is empty/i);
  });
});

describe("anchorQuote: quotes that do not appear in the source", () => {
  it("finds the curly original of a quote typed with a straight apostrophe", () => {
    const error = expectError(anchorQuote(ARTICLE, "China's leader Xi Jinping"), "not-found");
    expect(error.nearest).not.toBeNull();
    const nearest = error.nearest!;
    expect(nearest.passage).toBe("China’s leader Xi Jinping");
    expect(ARTICLE.slice(nearest.start, nearest.end)).toBe(nearest.passage);
    expect(error.message).toContain("does not appear in the source");
    expect(error.message).toContain("Closest passage: “China’s leader Xi Jinping”");
  });

  it("finds “Hugo Chávez” for “Hugo Chavez”", () => {
    const nearest = expectError(anchorQuote(ARTICLE, "Hugo Chavez"), "not-found").nearest;
    expect(nearest?.passage).toBe("Hugo Chávez");
    expect(ARTICLE.slice(nearest!.start, nearest!.end)).toBe("Hugo Chávez");
  });

  it("finds the first “Chávez” for “Chavez”, or the one nearest a start hint", () => {
    const [first, second] = occurrencesOf(ARTICLE, "Chávez");
    expect(second).toBeDefined();
    const plain = expectError(anchorQuote(ARTICLE, "Chavez"), "not-found").nearest;
    expect(plain).toEqual({ start: first, end: first! + 6, passage: "Chávez" });
    const hinted = expectError(
      anchorQuote(ARTICLE, "Chavez", { start: second! + 3 }),
      "not-found",
    ).nearest;
    expect(hinted).toEqual({ start: second, end: second! + 6, passage: "Chávez" });
  });

  it("maps an accented passage back to original offsets even when the accent is decomposed", () => {
    const decomposed = "Hugo Cha\u0301vez was here"; // "a" + combining acute accent
    const nearest = expectError(anchorQuote(decomposed, "hugo chavez"), "not-found").nearest!;
    expect(nearest.passage).toBe("Hugo Cha\u0301vez");
    expect(decomposed.slice(nearest.start, nearest.end)).toBe(nearest.passage);
    const endsInMark = expectError(anchorQuote("Josue\u0301 said", "josue"), "not-found").nearest!;
    expect(endsInMark.passage).toBe("Josue\u0301");
  });

  it("finds “Caracas’ bid” for “Caracas' bid”", () => {
    const nearest = expectError(anchorQuote(ARTICLE, "Caracas' bid"), "not-found").nearest;
    expect(nearest?.passage).toBe("Caracas’ bid");
  });

  it("finds a straight-apostrophe original for a curly-apostrophe quote", () => {
    const nearest = expectError(
      anchorQuote(ARTICLE, "Venezuela’s vast oil reserves"),
      "not-found",
    ).nearest;
    expect(nearest?.passage).toBe("Venezuela's vast oil reserves");
  });

  it("ignores case, whitespace runs, dashes and quotation marks when looking for the nearest passage", () => {
    const cases: Array<[string, string]> = [
      ["victory day parade", "Victory Day parade"],
      ["Sergey   Lavrov\nannounced", "Sergey Lavrov announced"],
      ["cash–strapped Venezuelan government", "cash-strapped Venezuelan government"],
      ["making a “qualitative breakthrough”", 'making a "qualitative breakthrough"'],
    ];
    for (const [quote, passage] of cases) {
      const nearest = expectError(anchorQuote(ARTICLE, quote), "not-found").nearest;
      expect(nearest?.passage).toBe(passage);
      expect(ARTICLE.slice(nearest!.start, nearest!.end)).toBe(passage);
    }
  });

  it("finds a fuzzy match for a quote with typos", () => {
    const nearest = expectError(
      anchorQuote(ARTICLE, "providing a lifline to state oil refiner PDSVA"),
      "not-found",
    ).nearest;
    expect(nearest?.passage).toBe("providing a lifeline to state oil refiner PDVSA");
    expect(ARTICLE.slice(nearest!.start, nearest!.end)).toBe(nearest!.passage);
  });

  it("finds a fuzzy match for a loosely paraphrased quote", () => {
    const nearest = expectError(
      anchorQuote(ARTICLE, "Rosneft controlled almost 60% of Venezuelan exports"),
      "not-found",
    ).nearest;
    expect(nearest?.passage).toBe("Rosneft managed nearly 60% of Venezuela's exports");
  });

  it.each([
    "The quick brown fox jumps over the lazy dog",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit",
    "The weather in Paris was mild and sunny on Tuesday afternoon",
    "banana",
    "xyz",
  ])("gives no nearest passage for unrelated text %j", (quote) => {
    const error = expectError(anchorQuote(ARTICLE, quote), "not-found");
    expect(error.nearest).toBeNull();
    expect(error.message).toContain("does not appear in the source");
    expect(error.message).toContain("no similar passage");
  });

  it("does not crash on tiny or empty texts", () => {
    expect(expectError(anchorQuote("", "Maduro"), "not-found").nearest).toBeNull();
    expect(expectError(anchorQuote("ab", "Maduro"), "not-found").nearest).toBeNull();
    expect(expectError(anchorQuote("Madura", "Maduro"), "not-found").nearest?.passage).toBe(
      "Madura",
    );
  });
});

describe("anchorQuote: ambiguous quotes", () => {
  it.each(["Lavrov", "Maduro"])("reports every occurrence of %j", (quote) => {
    const expected = occurrencesOf(ARTICLE, quote);
    expect(expected).toHaveLength(5);
    const error = expectError(anchorQuote(ARTICLE, quote), "ambiguous");
    expect(error.occurrences).toEqual(expected);
    expect(error.message).toBe(
      "This quote appears 5 times in the source; include more of the surrounding words so it matches only one place.",
    );
  });

  it("counts overlapping occurrences", () => {
    expect(expectError(anchorQuote("aaaa", "aa"), "ambiguous").occurrences).toEqual([0, 1, 2]);
  });

  it("resolves with a start hint to the nearest occurrence", () => {
    const lavrovs = occurrencesOf(ARTICLE, "Lavrov");
    for (const occ of lavrovs) {
      for (const offset of [occ, occ - 5, occ + 5]) {
        const anchor = expectAnchor(anchorQuote(ARTICLE, "Lavrov", { start: offset }));
        expect(anchor.start).toBe(occ);
        expectValidAnchor(ARTICLE, anchor);
      }
    }
  });

  it("stays ambiguous when a start hint is equidistant from two occurrences", () => {
    const text = "Lavrov said. Lavrov said.";
    expect(
      expectError(anchorQuote(text, "Lavrov", { start: 6.5 }), "ambiguous").occurrences,
    ).toEqual([0, 13]);
  });

  it("resolves with a prefix hint", () => {
    const anchor = expectAnchor(anchorQuote(ARTICLE, "Maduro", { prefix: "in a blow to " }));
    expect(anchor.start).toBe(ARTICLE.indexOf("in a blow to Maduro") + "in a blow to ".length);
    expectValidAnchor(ARTICLE, anchor);
    // Whitespace at the junction is not significant.
    expect(expectAnchor(anchorQuote(ARTICLE, "Maduro", { prefix: "in a blow to" })).start).toBe(
      anchor.start,
    );
  });

  it("resolves with a stored 32-character prefix", () => {
    for (const occ of occurrencesOf(ARTICLE, "Maduro")) {
      const prefix = ARTICLE.slice(Math.max(0, occ - CONTEXT_LENGTH), occ);
      expect(expectAnchor(anchorQuote(ARTICLE, "Maduro", { prefix })).start).toBe(occ);
    }
  });

  it("resolves with a suffix hint", () => {
    const anchor = expectAnchor(anchorQuote(ARTICLE, "Lavrov", { suffix: "added" }));
    expect(anchor.start).toBe(ARTICLE.indexOf("Lavrov added"));
  });

  it("stays ambiguous when the prefix matches several occurrences, until a suffix or start decides", () => {
    const prefix = "Foreign Minister Sergey ";
    const both = occurrencesOf(ARTICLE, `${prefix}Lavrov`).map((i) => i + prefix.length);
    expect(both).toHaveLength(2);
    const error = expectError(anchorQuote(ARTICLE, "Lavrov", { prefix }), "ambiguous");
    expect(error.occurrences).toEqual(occurrencesOf(ARTICLE, "Lavrov"));
    expect(error.message).toContain("appears 5 times");

    expect(
      expectAnchor(anchorQuote(ARTICLE, "Lavrov", { prefix, suffix: " announced" })).start,
    ).toBe(both[0]);
    expect(
      expectAnchor(anchorQuote(ARTICLE, "Lavrov", { prefix, suffix: ", in which" })).start,
    ).toBe(both[1]);
    // The prefix filters first; the start hint then picks among what is left,
    // even when it points exactly at another Lavrov that lacks the prefix.
    const other = ARTICLE.indexOf("Lavrov added");
    expect(other - both[0]!).toBeGreaterThan(both[1]! - other);
    expect(expectAnchor(anchorQuote(ARTICLE, "Lavrov", { prefix, start: other })).start).toBe(
      both[1],
    );
    expect(expectAnchor(anchorQuote(ARTICLE, "Lavrov", { prefix, start: 0 })).start).toBe(both[0]);
  });

  it("stays ambiguous when the hint matches no occurrence", () => {
    const error = expectError(anchorQuote(ARTICLE, "Lavrov", { prefix: "Boris " }), "ambiguous");
    expect(error.occurrences).toHaveLength(5);
  });

  it("ignores the hint when the quote occurs only once", () => {
    const anchor = expectAnchor(
      anchorQuote(ARTICLE, "Ukraine", { prefix: "nothing like this", start: 0 }),
    );
    expect(anchor.start).toBe(ARTICLE.indexOf("Ukraine"));
  });
});

describe("anchorQuote: random substrings of the article", () => {
  it("anchors every substring that occurs once and reports the others as ambiguous", () => {
    const random = rng(12345);
    let unique = 0;
    let ambiguous = 0;
    for (let i = 0; i < 2000; i++) {
      const length = 1 + Math.floor(random() * 120);
      const from = Math.floor(random() * (ARTICLE.length - length));
      const quote = ARTICLE.slice(from, from + length).trim();
      const result = anchorQuote(ARTICLE, quote);
      if (quote.length === 0) {
        expectError(result, "empty");
        continue;
      }
      const expected = occurrencesOf(ARTICLE, quote);
      if (expected.length === 1) {
        unique++;
        const anchor = expectAnchor(result);
        expect(anchor.start).toBe(expected[0]);
        expect(ARTICLE.slice(anchor.start, anchor.end)).toBe(quote);
        expectValidAnchor(ARTICLE, anchor);
      } else {
        ambiguous++;
        expect(expectError(result, "ambiguous").occurrences).toEqual(expected);
        // A start hint at any occurrence resolves to exactly that occurrence.
        const pick = expected[Math.floor(random() * expected.length)]!;
        const anchor = expectAnchor(anchorQuote(ARTICLE, quote, { start: pick }));
        expect(anchor.start).toBe(pick);
        expectValidAnchor(ARTICLE, anchor);
      }
    }
    expect(unique).toBeGreaterThan(1000);
    expect(ambiguous).toBeGreaterThan(10);
  });

  it("finds the original passage for re-typed substrings (lower case, straight apostrophes)", () => {
    const random = rng(777);
    let checked = 0;
    for (let i = 0; i < 500; i++) {
      const length = 8 + Math.floor(random() * 80);
      const from = Math.floor(random() * (ARTICLE.length - length));
      const original = ARTICLE.slice(from, from + length).trim();
      const retyped = original.toLowerCase().replaceAll("’", "'");
      if (retyped === original || ARTICLE.includes(retyped)) continue;
      checked++;
      const nearest = expectError(anchorQuote(ARTICLE, retyped), "not-found").nearest;
      expect(nearest).not.toBeNull();
      expect(ARTICLE.slice(nearest!.start, nearest!.end)).toBe(nearest!.passage);
      expect(nearest!.passage.toLowerCase().replaceAll("’", "'")).toBe(retyped);
    }
    expect(checked).toBeGreaterThan(300);
  });
});

describe("anchorQuote on a large source", () => {
  // ~200 KB of generated prose-like text with a few curly apostrophes.
  const random = rng(2024);
  const syllables = ["ka", "lo", "mer", "tis", "van", "dro", "pe", "su", "lin", "gor", "ba", "ne"];
  const vocabulary = Array.from({ length: 400 }, () => {
    const n = 1 + Math.floor(random() * 3);
    let word = "";
    for (let i = 0; i < n; i++) word += syllables[Math.floor(random() * syllables.length)];
    return random() < 0.05 ? `${word}’s` : word;
  });
  const words: string[] = [];
  let size = 0;
  while (size < 200_000) {
    const word = vocabulary[Math.floor(random() * vocabulary.length)]!;
    words.push(word);
    size += word.length + 1;
  }
  const big = words.map((w, i) => (i % 17 === 16 ? `${w}.\n` : `${w} `)).join("");

  it("is about 200 KB", () => {
    expect(big.length).toBeGreaterThan(200_000);
  });

  it("anchors a unique passage exactly", () => {
    const from = big.indexOf(" ", 120_000) + 1;
    const quote = big.slice(from, big.indexOf(" ", from + 60));
    expect(occurrencesOf(big, quote)).toHaveLength(1);
    const anchor = expectAnchor(anchorQuote(big, quote));
    expect(anchor.start).toBe(from);
    expectValidAnchor(big, anchor);
  });

  it("finds a passage with typos near its original place", () => {
    const from = big.indexOf(" ", 150_000) + 1;
    const to = big.indexOf(" ", from + 80);
    const original = big.slice(from, to);
    // Drop one character, double another and upper-case a third.
    const typed =
      original.slice(0, 10) +
      original.slice(11, 40) +
      original[40] +
      original.slice(40, 60) +
      original.slice(60, 61).toUpperCase() +
      original.slice(61);
    expect(big.includes(typed)).toBe(false);
    const nearest = expectError(anchorQuote(big, typed), "not-found").nearest;
    expect(nearest).not.toBeNull();
    expect(big.slice(nearest!.start, nearest!.end)).toBe(nearest!.passage);
    // It overlaps the original passage for at least 90% of it.
    const overlap = Math.min(to, nearest!.end) - Math.max(from, nearest!.start);
    expect(overlap).toBeGreaterThan(0.9 * original.length);
  });

  it("finds a passage typed with straight apostrophes", () => {
    const at = big.indexOf("’s ", 100_000);
    const from = big.lastIndexOf(" ", at - 30) + 1;
    const to = big.indexOf(" ", at + 30);
    const original = big.slice(from, to);
    const nearest = expectError(
      anchorQuote(big, original.replaceAll("’", "'")),
      "not-found",
    ).nearest;
    expect(nearest).toEqual({ start: from, end: to, passage: original });
  });

  it("gives no nearest passage for unrelated text", () => {
    const error = expectError(
      anchorQuote(big, "President Maduro will attend the Victory Day parade in Moscow"),
      "not-found",
    );
    expect(error.nearest).toBeNull();
  });
});

describe("relocateQuoteVerbatim", () => {
  const quote = "China’s leader Xi Jinping";
  const original = expectAnchor(anchorQuote(ARTICLE, quote));

  it("keeps an anchor that still matches, refreshing its context", () => {
    expect(relocateQuoteVerbatim(ARTICLE, original)).toEqual({ ok: true, anchor: original });
    const stale = { ...original, prefix: "something old", suffix: "" };
    expect(expectAnchor(relocateQuoteVerbatim(ARTICLE, stale))).toEqual(original);
  });

  it("follows the quote when text is inserted before it", () => {
    const inserted = "Editor’s note: this article was updated.\n";
    const edited = inserted + ARTICLE;
    const anchor = expectAnchor(relocateQuoteVerbatim(edited, original));
    expect(anchor.start).toBe(original.start + inserted.length);
    expect(anchor.end).toBe(original.end + inserted.length);
    expect(anchor.prefix).toBe(original.prefix);
    expectValidAnchor(edited, anchor);
  });

  it("refreshes the prefix when the words just before the quote change", () => {
    const edited = `${ARTICLE.slice(0, original.start)}reportedly ${ARTICLE.slice(original.start)}`;
    const anchor = expectAnchor(relocateQuoteVerbatim(edited, original));
    expect(anchor.start).toBe(original.start + "reportedly ".length);
    expect(anchor.prefix.endsWith("Lukashenko, reportedly ")).toBe(true);
    expectValidAnchor(edited, anchor);
  });

  it("uses the single occurrence when the stored offsets are wrong", () => {
    const anchor = expectAnchor(relocateQuoteVerbatim(ARTICLE, { ...original, start: 5, end: 30 }));
    expect(anchor).toEqual(original);
    for (const [start, end] of [
      [Number.NaN, Number.NaN],
      [-10, 15],
      [ARTICLE.length, ARTICLE.length + 25],
      [1.5, 26.5],
    ] as const) {
      expect(expectAnchor(relocateQuoteVerbatim(ARTICLE, { ...original, start, end }))).toEqual(
        original,
      );
    }
  });

  it("reports not-found, with the nearest passage, when the quote was edited away", () => {
    const edited = ARTICLE.replace(quote, "China's leader Xi Jinping");
    const error = expectError(relocateQuoteVerbatim(edited, original), "not-found");
    expect(error.nearest?.passage).toBe("China's leader Xi Jinping");
    expect(edited.slice(error.nearest!.start, error.nearest!.end)).toBe(
      "China's leader Xi Jinping",
    );
    expect(error.message).toContain("does not appear in the source");
  });

  it("reports not-found when the passage was deleted", () => {
    const edited = ARTICLE.replace(`${quote}, `, "");
    const error = expectError(relocateQuoteVerbatim(edited, original), "not-found");
    if (error.nearest)
      expect(edited.slice(error.nearest.start, error.nearest.end)).toBe(error.nearest.passage);
  });

  it("lets the stored prefix decide when the quote becomes duplicated", () => {
    // A new paragraph quoting the same words is inserted before the quote's paragraph,
    // placing the copy nearer the old offset than the (shifted) original.
    const lineStart = ARTICLE.lastIndexOf("\n", original.start) + 1;
    const padding = "Earlier reports. ".repeat(Math.ceil((original.start - lineStart) / 17));
    const inserted = `${padding}Also: ${quote}.\n`;
    const edited = ARTICLE.slice(0, lineStart) + inserted + ARTICLE.slice(lineStart);
    const [copyStart, movedStart] = occurrencesOf(edited, quote);
    expect(movedStart).toBe(original.start + inserted.length);
    expect(Math.abs(copyStart! - original.start)).toBeLessThan(movedStart! - original.start);

    const anchor = expectAnchor(relocateQuoteVerbatim(edited, original));
    expect(anchor.start).toBe(movedStart);
    expect(anchor.prefix).toBe(original.prefix);
    expect(anchor.suffix).toBe(original.suffix);
    expectValidAnchor(edited, anchor);
  });

  it("lets the stored suffix decide when the prefixes are the same", () => {
    const lead = "The long-winded minister of foreign affairs ";
    const text = `${lead}said yes today. ${lead}said yes tomorrow.`;
    const stored = expectAnchor(anchorQuote(text, "said yes", { suffix: "tomorrow" }));
    expect(stored.start).toBe(text.lastIndexOf("said yes"));
    // The two sentences swap places: the old offset is now nearer the wrong one.
    const edited = `${lead}said yes tomorrow. ${lead}said yes today.`;
    const anchor = expectAnchor(relocateQuoteVerbatim(edited, stored));
    expect(anchor.start).toBe(edited.indexOf("said yes"));
    expect(anchor.prefix).toBe(stored.prefix);
    expect(anchor.suffix.startsWith(" tomorrow. ")).toBe(true);
  });

  it("falls back to the old position when the context does not decide", () => {
    const text = "Lavrov said. Lavrov said. Lavrov said.";
    const stored: TextAnchor = { quote: "Lavrov", start: 15, end: 21, prefix: "", suffix: "" };
    expect(expectAnchor(relocateQuoteVerbatim(text, stored)).start).toBe(13);
    expect(expectAnchor(relocateQuoteVerbatim(text, { ...stored, start: 30, end: 36 })).start).toBe(
      26,
    );
  });

  it("rejects an empty stored quote", () => {
    expectError(
      relocateQuoteVerbatim(ARTICLE, { quote: "", start: 0, end: 0, prefix: "", suffix: "" }),
      "empty",
    );
    expectError(
      relocateQuoteVerbatim(ARTICLE, { quote: "  ", start: 0, end: 2, prefix: "", suffix: "" }),
      "empty",
    );
  });

  it("re-finds random anchors after random insertions", () => {
    const random = rng(99);
    let checked = 0;
    for (let i = 0; i < 300; i++) {
      const length = 10 + Math.floor(random() * 60);
      const from = Math.floor(random() * (ARTICLE.length - length));
      const result = anchorQuote(ARTICLE, ARTICLE.slice(from, from + length));
      if (!result.ok) continue;
      const anchor = result.anchor;
      // Insert a word somewhere outside the quote.
      const at =
        random() < 0.5
          ? Math.floor(random() * anchor.start)
          : anchor.end + Math.floor(random() * (ARTICLE.length - anchor.end));
      const edited = `${ARTICLE.slice(0, at)}INSERTED ${ARTICLE.slice(at)}`;
      const moved = expectAnchor(relocateQuoteVerbatim(edited, anchor));
      expect(moved.start).toBe(at <= anchor.start ? anchor.start + 9 : anchor.start);
      expectValidAnchor(edited, moved);
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  });
});

describe("describeAnchorError", () => {
  it("matches the message of every error produced", () => {
    for (const result of [
      anchorQuote(ARTICLE, " "),
      anchorQuote(ARTICLE, "Lavrov"),
      anchorQuote(ARTICLE, "China's leader Xi Jinping"),
      anchorQuote(ARTICLE, "banana"),
    ]) {
      if (result.ok) throw new Error("expected an error");
      expect(describeAnchorError(result.error)).toBe(result.error.message);
    }
  });

  it("explains each kind of error with a fix", () => {
    expect(describeAnchorError({ kind: "empty", message: "" })).toBe(
      "The quote is empty. Paste the exact words from the source that support this status.",
    );
    expect(describeAnchorError({ kind: "ambiguous", message: "", occurrences: [1, 5, 9] })).toBe(
      "This quote appears 3 times in the source; include more of the surrounding words so it matches only one place.",
    );
    expect(
      describeAnchorError({
        kind: "not-found",
        message: "",
        nearest: { start: 0, end: 6, passage: "Chávez" },
      }),
    ).toMatch(
      /^This quote does not appear in the source\. Closest passage: “Chávez”\. Copy the words exactly/,
    );
    expect(describeAnchorError({ kind: "not-found", message: "", nearest: null })).toMatch(
      /^This quote does not appear in the source, and no similar passage was found\./,
    );
  });

  it("abbreviates a long nearest passage and flattens its line breaks", () => {
    const passage = `${"word ".repeat(30)}\n${"more ".repeat(30)}`;
    const message = describeAnchorError({
      kind: "not-found",
      message: "",
      nearest: { start: 0, end: passage.length, passage },
    });
    expect(message).toContain("…”");
    expect(message).not.toContain("\n");
    expect(message.length).toBeLessThan(passage.length + 150);
  });
});
