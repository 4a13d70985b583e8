import { describe, expect, it } from "vitest";
import {
  filterSourceChoices,
  sourceChoiceLabel,
  sourceIdOfChoice,
} from "@/lib/sources/source-choice";
import { citationInputSchema } from "@/lib/validation/attendance";

const sources = [
  {
    id: 5,
    title: "Maduro to attend",
    publisher: "bne IntelliNews",
    url: "https://intellinews.com/a",
  },
  { id: 9, title: "Xi’s visit", publisher: "Reuters", url: "https://www.reuters.com/world/xi" },
];

describe("source picker", () => {
  it("filters by title, publisher or address, every word, accents and case aside", () => {
    expect(filterSourceChoices(sources, "reuters").map((s) => s.id)).toEqual([9]);
    expect(filterSourceChoices(sources, "intellinews.com").map((s) => s.id)).toEqual([5]);
    expect(filterSourceChoices(sources, "MADURO attend").map((s) => s.id)).toEqual([5]);
    expect(filterSourceChoices(sources, "maduro reuters")).toEqual([]);
    expect(filterSourceChoices(sources, "  ")).toHaveLength(2);
  });

  it("puts the source whose title is the query first, then titles that start with it", () => {
    // A title's words can also be found scattered over another source's title, publisher and
    // address, listed before it; Enter takes the first source shown.
    const wire = [
      { id: 1, title: "Summit report 53ab", publisher: "Example Wire", url: "https://e.org/1" },
      { id: 2, title: "Wire 530", publisher: "Example Wire", url: "https://e.org/2" },
      { id: 3, title: "Wire 53", publisher: "Example Wire", url: "https://e.org/wire/53" },
    ];
    expect(filterSourceChoices(wire, "wire  53").map((s) => s.id)).toEqual([3, 2, 1]);
    expect(filterSourceChoices(wire, "example wire").map((s) => s.id)).toEqual([1, 2, 3]);
  });

  it("reads the id back from a chosen name or a bare id, and nothing else", () => {
    expect(sourceIdOfChoice(sourceChoiceLabel(sources[0]!))).toBe(5);
    expect(sourceIdOfChoice("9")).toBe(9);
    expect(sourceIdOfChoice("Maduro to attend")).toBeNull();
    expect(sourceIdOfChoice("(#0)")).toBeNull();
  });

  it("lets the citation schema take the name sent without JavaScript, or the id", () => {
    const parse = (sourceId: unknown) =>
      citationInputSchema.parse({ sourceId, quote: "words" }).sourceId;
    expect(parse(sourceChoiceLabel(sources[1]!))).toBe(9);
    expect(parse("9")).toBe(9);
    expect(parse(9)).toBe(9);
    // Words that name no source are no choice: the form asks for one.
    expect(parse("Reuters")).toBeNull();
    expect(parse("")).toBeNull();
    // A bare id is judged as strictly as ever.
    expect(() => parse(" 9")).toThrow();
    expect(() => parse("09")).toThrow();
  });
});
