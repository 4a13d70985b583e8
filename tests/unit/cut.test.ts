import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { entryFormSchema, stepFormSchema } from "@/lib/validation/attendance";
import { eventFormSchema } from "@/lib/validation/event";
import { fieldErrors } from "@/lib/validation/errors";
import { leaderEditSchema } from "@/lib/validation/leader";
import { sourceFormSchema } from "@/lib/validation/source";
import { abbreviateText, characterCount, cutText, sliceWhole } from "@/lib/text/cut";
import { renderValue } from "@/lib/history/diff";
import { formDataToObject } from "@/lib/validation/form-data";

const EMOJI = "😀";
const FLAG = "🇷🇺";
const FAMILY = "👨‍👩‍👧";
const ACCENTED = "e\u0301";

describe("cutting text for display", () => {
  it("counts an emoji as one character", () => {
    expect(characterCount(EMOJI.repeat(2000))).toBe(2000);
    expect(characterCount("a\uD83Db")).toBe(3); // a lone surrogate counts as one
  });

  it("never leaves half an emoji, a flag, a family or an accent at the end", () => {
    expect(cutText(`ab${EMOJI}${EMOJI}`, 3)).toBe(`ab${EMOJI}`);
    expect(cutText(EMOJI.repeat(2001), 2000)).toBe(EMOJI.repeat(2000));
    expect(cutText(`a${FLAG}`, 2)).toBe("a"); // a flag is two characters, kept whole or not at all
    expect(cutText(`a${FAMILY}b`, 4)).toBe("a");
    expect(cutText(`${ACCENTED}x`, 1)).toBe("");
    expect(abbreviateText("short", 80)).toBe("short");
    expect(abbreviateText(EMOJI.repeat(81), 80)).toBe(`${EMOJI.repeat(80)}…`);
  });

  it("cuts any text to well-formed text within the limit (generated)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), fc.nat(250), (text, max) => {
        const cut = cutText(text, max);
        expect(cut.isWellFormed()).toBe(true);
        expect(characterCount(cut)).toBeLessThanOrEqual(max);
        expect(text.startsWith(cut)).toBe(true);
        if (characterCount(text) <= max) expect(cut).toBe(text);
      }),
    );
  });

  it("narrows a window counted in UTF-16 units to whole characters", () => {
    const text = `${EMOJI}abc${EMOJI}`;
    expect(sliceWhole(text, 1, 5)).toBe("abc"); // starts inside the first emoji
    expect(sliceWhole(text, 2, 6)).toBe("abc"); // ends inside the last
    expect(sliceWhole(text, -5, 99)).toBe(text);
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 60 }),
        fc.nat(70),
        fc.nat(70),
        (t, a, b) => sliceWhole(t, a, b).isWellFormed(),
      ),
    );
  });

  it("shows a long source text in the history cut at a whole character, with its length in characters", () => {
    const shown = renderValue("text", EMOJI.repeat(400));
    expect(shown.isWellFormed()).toBe(true);
    expect(shown).toBe(`${EMOJI.repeat(300)}… (400 characters)`);
  });
});

/** As a browser sends the form. */
function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return formDataToObject(data);
}

describe("every text limit counts characters, as the person typing them sees them", () => {
  const entry = {
    eventId: "1",
    leaderMode: "existing",
    leaderId: "3",
    note: "",
  };
  const step = {
    status: "confirmed",
    asOf: "",
    note: "",
    "citations.0.sourceId": "1",
    "citations.0.quote": "quoted words",
  };
  const event = { name: "Summit", date: "2025-05-09", place: "Moscow", occasion: "Parade" };
  const leader = { name: "Anna", office: "President", polity: "Ruritania", aliases: "" };
  const source = {
    title: "Report",
    publisher: "Wire",
    url: "https://example.org/a",
    dateNote: "",
    text: "Some text.",
  };
  const cases = [
    { schema: entryFormSchema, base: entry, field: "note", limit: 2_000 },
    { schema: stepFormSchema, base: step, field: "note", limit: 2_000 },
    { schema: eventFormSchema, base: event, field: "name", limit: 200 },
    { schema: eventFormSchema, base: event, field: "occasion", limit: 500 },
    { schema: leaderEditSchema, base: leader, field: "name", limit: 200 },
    { schema: leaderEditSchema, base: leader, field: "aliases", limit: 200 },
    { schema: sourceFormSchema, base: source, field: "title", limit: 300 },
    { schema: sourceFormSchema, base: source, field: "dateNote", limit: 500 },
    { schema: sourceFormSchema, base: source, field: "text", limit: 500_000 },
  ] as const;

  for (const { schema, base, field, limit } of cases) {
    it(`${field} (${limit.toLocaleString("en")}): that many emoji are kept whole, one more is refused`, () => {
      const fits = schema.safeParse(form({ ...base, [field]: EMOJI.repeat(limit) }));
      expect(fits.success, JSON.stringify(fits.error?.issues[0])).toBe(true);
      const kept = JSON.stringify(fits.data);
      expect(kept).toContain(EMOJI.repeat(Math.min(limit, 50)));
      expect(JSON.stringify(fits.data).isWellFormed()).toBe(true);

      const over = schema.safeParse(form({ ...base, [field]: EMOJI.repeat(limit + 1) }));
      expect(over.success).toBe(false);
      const errors = fieldErrors(over.error!) as Record<string, string[] | undefined>;
      expect(Object.values(errors).flat().join(" ")).toMatch(
        new RegExp(`at most (${limit}|${limit.toLocaleString("en")}) characters`),
      );
    });
  }
});
