import { describe, expect, it } from "vitest";
import { longRows, LONG_COLUMNS, wideRow, WIDE_COLUMNS } from "@/lib/csv/attendance-rows";
import type { ExportEntryDTO } from "@/lib/data/export";
import { citationStanding, standingLabel } from "@/lib/quotes/citation-standing";
import { citationHref } from "@/lib/quotes/passage-id";
import { mapTitle } from "@/lib/map/world-map";

const source = { id: 5, title: "Report", publisher: "Wire", url: "https://example.org/r" };
const citation = (fields: { lost?: boolean; review?: string; anchoredVersion?: number }) => ({
  id: 1,
  quote: "Modi will attend",
  start: 18,
  end: 139,
  prefix: "",
  suffix: "",
  source,
  lost: false,
  review: "",
  anchoredVersion: 1,
  ...fields,
});

describe("citationStanding", () => {
  it("tells a reworded quote and a removed one from one as cited", () => {
    expect(citationStanding(citation({}))).toBeNull();
    expect(citationStanding(citation({ review: "check" }))).toBe("wording-changed");
    expect(citationStanding(citation({ lost: true, review: "orphaned" }))).toBe("orphaned");
    expect(citationStanding(citation({ lost: true }))).toBe("orphaned");
    expect(standingLabel(citation({ review: "check" }))).toBe("wording changed, under review");
  });
});

describe("citationHref", () => {
  it("never names a passage the page does not show", () => {
    expect(citationHref(citation({}))).toBe("/sources/5#passage-18-139");
    // An orphan's passage is on the page of the text it was cited in.
    expect(citationHref(citation({ lost: true, review: "orphaned", anchoredVersion: 2 }))).toBe(
      "/sources/5/versions/2#passage-18-139",
    );
    // A quote lost before texts had versions is on no page: the source, without a passage.
    expect(citationHref(citation({ lost: true }))).toBe("/sources/5");
  });
});

describe("marks in the CSV and on the map", () => {
  const entry = {
    id: 42,
    eventId: 1,
    event: { slug: "summit", date: "2025-05-09", endDate: "2025-05-09" },
    leader: { id: 7, name: "Modi", office: "PM", polity: "India", countryCode: "IN" },
    status: "confirmed",
    outcome: null,
    representative: null,
    asOf: "2025-04-12",
    sourcesDisagree: false,
    stepNote: "",
    note: "",
    updatedAt: "2025-04-13T10:00:00.000Z",
    version: 1,
    citations: [
      citation({}),
      citation({ review: "check" }),
      citation({ lost: true, review: "orphaned", anchoredVersion: 1 }),
    ],
  } as unknown as ExportEntryDTO;

  it("marks each citation's line in the wide row and each row of the long format", () => {
    const row = wideRow(entry, "https://rollcall.example.org");
    expect(row[WIDE_COLUMNS.indexOf("quote_reviews")]).toBe("none\r\nwording-changed\r\norphaned");
    const rows = longRows(entry);
    expect(rows.map((r) => r[LONG_COLUMNS.indexOf("quote_review")])).toEqual([
      "",
      "wording-changed",
      "orphaned",
    ]);
    // A removed quote has no offsets into the current text.
    expect(rows[2]![LONG_COLUMNS.indexOf("quote_start")]).toBe("");
  });

  it("counts the citations under review in the map's title", () => {
    expect(mapTitle(entry)).toBe("Modi, India: Confirmed (2 citations under review)");
    expect(mapTitle({ ...entry, citations: [citation({})] })).toBe("Modi, India: Confirmed");
  });
});
