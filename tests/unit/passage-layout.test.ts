import { describe, expect, it } from "vitest";
import { layOutPassages, passageTargetCss } from "@/lib/quotes/passage-layout";

const TEXT =
  "Chinese President Xi Jinping and Brazilian President Luiz Inácio Lula da Silva watched the parade. Others stayed home.";
const XI = { start: 0, end: TEXT.indexOf(" and Brazilian") };
const LULA = { start: TEXT.indexOf("Brazilian"), end: TEXT.indexOf(" Others") };
// Xi's passage runs into Lula's: "…Xi Jinping and Brazilian President".
const XI_LONG = { start: 0, end: TEXT.indexOf(" Luiz") };

/** The words of each passage, as the pieces listing it spell them. */
function wordsOf(text: string, spans: { start: number; end: number }[]) {
  const pieces = layOutPassages(text, spans).flat();
  return spans.map((_, i) =>
    pieces
      .filter((p) => p.passages.includes(i))
      .map((p) => p.text)
      .join(""),
  );
}

describe("layOutPassages", () => {
  it("gives each of two overlapping passages all of its own words and no others", () => {
    const spans = [XI_LONG, LULA];
    expect(wordsOf(TEXT, spans)).toEqual([
      TEXT.slice(XI_LONG.start, XI_LONG.end),
      TEXT.slice(LULA.start, LULA.end),
    ]);
  });

  it("puts the notes of overlapping passages after the last of their words, not inside", () => {
    const pieces = layOutPassages(TEXT, [XI_LONG, LULA]).flat();
    const withNotes = pieces.filter((p) => p.notes.length > 0);
    expect(withNotes).toHaveLength(1);
    expect(withNotes[0]!.end).toBe(LULA.end);
    expect(withNotes[0]!.notes).toEqual([0, 1]);
  });

  it("keeps a passage of one piece as its own target, and anchors a split one", () => {
    const pieces = layOutPassages(TEXT, [XI_LONG, LULA]).flat();
    // Both are split by the other's boundary: each needs an anchor before its first piece.
    expect(pieces.find((p) => p.anchors.includes(0))!.start).toBe(XI_LONG.start);
    expect(pieces.find((p) => p.anchors.includes(1))!.start).toBe(LULA.start);
    expect(pieces.some((p) => p.idOf !== undefined)).toBe(false);

    const apart = layOutPassages(TEXT, [XI, LULA]).flat();
    expect(apart.filter((p) => p.idOf !== undefined).map((p) => p.text)).toEqual([
      TEXT.slice(XI.start, XI.end),
      TEXT.slice(LULA.start, LULA.end),
    ]);
    // Passages that do not overlap keep a note each, right after their words.
    expect(apart.filter((p) => p.notes.length > 0).map((p) => p.end)).toEqual([XI.end, LULA.end]);
  });

  it("marks where each passage begins and ends, nested ones too", () => {
    const inner = { start: TEXT.indexOf("Xi"), end: TEXT.indexOf(" and") };
    const outer = { start: 0, end: TEXT.indexOf(" Others") };
    const pieces = layOutPassages(TEXT, [outer, inner]).flat();
    expect(pieces.find((p) => p.opens.includes(1))!.start).toBe(inner.start);
    expect(pieces.find((p) => p.closes.includes(1))!.end).toBe(inner.end);
    expect(pieces.find((p) => p.closes.includes(0))!.end).toBe(outer.end);
    expect(wordsOf(TEXT, [outer, inner])).toEqual([
      TEXT.slice(outer.start, outer.end),
      TEXT.slice(inner.start, inner.end),
    ]);
  });

  it("splits a passage across lines into paragraphs without losing its words", () => {
    const text = "First line cited\nsecond line cited too\nplain";
    const span = { start: 6, end: text.indexOf(" too") };
    const paragraphs = layOutPassages(text, [span]);
    expect(paragraphs).toHaveLength(3);
    const pieces = paragraphs.flat().filter((p) => p.passages.includes(0));
    expect(pieces.map((p) => p.text)).toEqual(["line cited", "second line cited"]);
    expect(pieces[0]!.anchors).toEqual([0]);
    expect(pieces[1]!.notes).toEqual([0]);
  });
});

describe("passageTargetCss", () => {
  it("outlines every piece of the targeted passage only", () => {
    const css = passageTargetCss([XI_LONG, LULA]);
    expect(css).toContain(
      `.source-text:has(#passage-0-${XI_LONG.end}:target) mark[data-passages~="passage-0-${XI_LONG.end}"]`,
    );
    expect(css.split("\n")).toHaveLength(2);
  });
});
