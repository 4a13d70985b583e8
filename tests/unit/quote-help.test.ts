import { describe, expect, it } from "vitest";
import { describeStretch, quoteDifferences } from "@/lib/quotes/differences";
import { placesInContext } from "@/lib/quotes/places";

describe("quoteDifferences", () => {
  it("finds the curly apostrophe a straight one was typed against", () => {
    expect(quoteDifferences("China's leader Xi Jinping", "China’s leader Xi Jinping")).toEqual([
      { same: "China" },
      { source: "’", typed: "'" },
      { same: "s leader Xi Jinping" },
    ]);
    expect(describeStretch("’")).toBe("’ (curly apostrophe)");
    expect(describeStretch("'")).toBe("' (straight apostrophe)");
  });

  it("gives back both texts from its stretches, whatever they are", () => {
    const pairs = [
      ["Lula da Silva will attend", "Lula da Silva would attend"],
      ["", "abc"],
      ["same", "same"],
      ["Sergey Lavrov said", "Serguei Lavrov, said"],
    ];
    for (const [typed, passage] of pairs) {
      const parts = quoteDifferences(typed!, passage!);
      const join = (pick: (p: (typeof parts)[number]) => string) => parts.map(pick).join("");
      expect(join((p) => ("same" in p ? p.same : p.source))).toBe(passage);
      expect(join((p) => ("same" in p ? p.same : p.typed))).toBe(typed);
    }
  });
});

describe("placesInContext", () => {
  it("gives each place of a repeated quote with whole words around it", () => {
    const text = "The parade in Moscow. Later, in Moscow again, the guests left.";
    const starts = [14, 32];
    const places = placesInContext(text, starts, "Moscow".length);
    expect(places.map((p) => text.slice(p.start, p.end))).toEqual(["Moscow", "Moscow"]);
    expect(places[0]!.before.endsWith("parade in ")).toBe(true);
    expect(places[1]!.after.startsWith(" again")).toBe(true);
    expect(places[1]!.before).toContain("Later, in ");
  });
});
