import { describe, expect, it } from "vitest";
import { anchorQuote } from "@/lib/quotes/anchor";
import { passageInText, versionOnDay } from "@/lib/quotes/quote-on-day";

const versions = [
  { number: 1, changedOn: null, savedOn: "2026-12-06T10:00:00.000Z" },
  { number: 2, changedOn: "2025-03-15", savedOn: "2026-12-06T11:00:00.000Z" },
  { number: 3, changedOn: null, savedOn: "2026-12-07T09:00:00.000Z" },
];

describe("versionOnDay", () => {
  it("takes the publisher's day of a change, else the day it was saved", () => {
    expect(versionOnDay(versions, "2025-03-14")).toBe(1);
    expect(versionOnDay(versions, "2025-03-15")).toBe(2);
    expect(versionOnDay(versions, "2026-12-06")).toBe(2);
    expect(versionOnDay(versions, "2026-12-07")).toBe(3);
  });

  it("gives version 1 for any day before the first change, however late it was added", () => {
    expect(versionOnDay(versions.slice(0, 1), "1999-01-01")).toBe(1);
  });
});

describe("passageInText", () => {
  it("finds a citation's words in an older text, reworded or not, or says it is not there", () => {
    const now =
      "President Anna Example will fly to the Harbour Summit on Sunday. Officials agreed.";
    const before =
      "President Anna Example will travel to the Harbour Summit on Sunday. Officials agreed.";
    const cited = anchorQuote(
      now,
      "President Anna Example will fly to the Harbour Summit on Sunday",
    );
    if (!cited.ok) throw new Error("not anchored");
    expect(passageInText(before, cited.anchor)?.quote).toBe(
      "President Anna Example will travel to the Harbour Summit on Sunday",
    );
    expect(passageInText("Nothing of the kind here at all.", cited.anchor)).toBeNull();
  });
});
