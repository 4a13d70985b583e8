import { describe, expect, it } from "vitest";
import { nextSentenceEnd, previousSentenceStart, sentenceAt } from "@/lib/quotes/sentences";

const TEXT =
  "Ruritania's President Anna Example will attend, her office said on Monday.  Borduria's leader is expected as well. Syldavia declined.";
const span = (s: { start: number; end: number } | null) => (s ? TEXT.slice(s.start, s.end) : null);

describe("sentence steps in a source's text", () => {
  it("finds the sentence around a caret, without the white space around it", () => {
    expect(span(sentenceAt(TEXT, 10))).toBe(
      "Ruritania's President Anna Example will attend, her office said on Monday.",
    );
    expect(span(sentenceAt(TEXT, TEXT.indexOf("expected")))).toBe(
      "Borduria's leader is expected as well.",
    );
    expect(span(sentenceAt(TEXT, TEXT.length))).toBe("Syldavia declined.");
    expect(sentenceAt("   ", 1)).toBeNull();
  });

  it("moves a selection's end one sentence on or back", () => {
    const first = nextSentenceEnd(TEXT, 0);
    expect(TEXT.slice(0, first)).toMatch(/on Monday\.$/);
    const second = nextSentenceEnd(TEXT, first);
    expect(TEXT.slice(0, second)).toMatch(/as well\.$/);
    expect(nextSentenceEnd(TEXT, TEXT.length)).toBe(TEXT.length);
    expect(previousSentenceStart(TEXT, second)).toBe(TEXT.indexOf("Borduria"));
    expect(previousSentenceStart(TEXT, 0)).toBe(0);
  });
});
