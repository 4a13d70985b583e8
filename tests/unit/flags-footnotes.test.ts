import { describe, expect, it } from "vitest";
import { numberFootnotes } from "@/lib/attendance/footnotes";
import { flagSvg } from "@/lib/flags/flag-svg";

describe("flagSvg", () => {
  it("gives the viewBox and drawing of a flag, in any case", () => {
    const venezuela = flagSvg("ve");
    expect(venezuela?.viewBox).toMatch(/^[\d. ]+$/);
    expect(venezuela?.body).toMatch(/^<path /);
    expect(venezuela?.body).not.toContain("<svg");
  });
  it("reads flags whose attributes come in another order", () => {
    expect(flagSvg("MQ")?.viewBox).toBe("0 0 900 600");
  });
  it("has no flag for unknown or malformed codes", () => {
    expect(flagSvg("ZZ")).toBeNull();
    expect(flagSvg("default")).toBeNull();
    expect(flagSvg("")).toBeNull();
  });
});

describe("numberFootnotes", () => {
  const source = { id: 1 };
  const citation = (id: number, start: number, end: number) => ({ id, start, end, source });
  const entries = [
    { leader: { name: "Lukashenko" }, citations: [citation(1, 100, 200)] },
    { leader: { name: "Maduro" }, citations: [citation(2, 0, 50), citation(3, 60, 90)] },
    { leader: { name: "Xi" }, citations: [citation(4, 100, 200)] },
  ];

  it("numbers passages in list order, one footnote per passage", () => {
    const { footnotes, numberOf } = numberFootnotes(entries);
    expect(footnotes.map((f) => [f.number, f.citation.id, f.leaders])).toEqual([
      [1, 1, ["Lukashenko", "Xi"]],
      [2, 2, ["Maduro"]],
      [3, 3, ["Maduro"]],
    ]);
    expect([...numberOf]).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 1],
    ]);
  });

  it("keeps passages of different sources apart", () => {
    const other = {
      leader: { name: "Fico" },
      citations: [{ id: 5, start: 100, end: 200, source: { id: 2 } }],
    };
    expect(numberFootnotes([...entries, other]).footnotes).toHaveLength(4);
  });
});
