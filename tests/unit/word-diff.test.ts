import { describe, expect, it } from "vitest";
import { wordDiff } from "../../lib/text/word-diff";

describe("wordDiff", () => {
  it("marks the words removed and added, keeping the rest", () => {
    const parts = wordDiff(
      "the only EU leader scheduled",
      "the sole European Union leader scheduled",
    );
    expect(parts.map((p) => [p.kind, p.text.trim()])).toEqual([
      ["same", "the"],
      ["removed", "only EU"],
      ["added", "sole European Union"],
      ["same", "leader scheduled"],
    ]);
  });

  it("gives back both texts exactly", () => {
    const before = "Lukashenko, China’s leader";
    const after = "Lukashenka, China's leader";
    const parts = wordDiff(before, after);
    expect(
      parts
        .filter((p) => p.kind !== "added")
        .map((p) => p.text)
        .join(""),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.kind !== "removed")
        .map((p) => p.text)
        .join(""),
    ).toBe(after);
  });

  it("shows very long texts as replaced whole", () => {
    const long = "word ".repeat(1000);
    expect(wordDiff(long, `${long}more`)).toEqual([
      { kind: "removed", text: long },
      { kind: "added", text: `${long}more` },
    ]);
  });
});
