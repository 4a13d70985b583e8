import type { CitationDTO } from "@/lib/data/dto";
import type { ExportEntryDTO } from "@/lib/data/export";
import { citationStanding } from "@/lib/quotes/citation-standing";
import { urlWithTextFragment } from "@/lib/quotes/text-fragment";
import type { AttendanceQuery } from "@/lib/validation/attendance-query";
import type { ExportOptions } from "@/lib/validation/export";

/**
 * The line break inside a cell: the file's own record ending (RFC 4180's CRLF), so a reader that
 * splits a cell's lines meets one convention. Browsers send a textarea's breaks as CRLF and the
 * API may send LF; the note is stored as typed and converted here.
 */
export const CELL_LINE_BREAK = "\r\n";

const withCellLineBreaks = (text: string) => text.replace(/\r\n|\r|\n/g, CELL_LINE_BREAK);

/** One row per entry (see docs/api.md, CSV export). */
export const WIDE_COLUMNS = [
  "event",
  "event_date",
  "event_end_date",
  "leader",
  "office",
  "country",
  "country_code",
  "status",
  "outcome",
  "as_of",
  "sources_disagree",
  "represented_by",
  "step_note",
  "note",
  "quotes",
  "sources",
  "source_urls",
  "quote_reviews",
  "updated_at",
  "url",
] as const;

/** One row per citation of every step (`?format=long`). */
export const LONG_COLUMNS = [
  "event",
  "leader",
  "status",
  "outcome",
  "as_of",
  "current",
  "represented_by",
  "step_note",
  "quote",
  "quote_start",
  "quote_end",
  "source",
  "source_url",
  "fragment_url",
  "quote_review",
] as const;

export type CsvRow = string[];

/**
 * The entry's row in the wide format. Line n of `quotes`, `sources` and `source_urls` belongs
 * to the entry's citation n (lines end with {@link CELL_LINE_BREAK}, as do the note's), so a source cited twice is listed twice. `origin` is the site's
 * origin (e.g. `https://rollcall.example.org`), for the absolute URL of the entry's page.
 */
export function wideRow(entry: ExportEntryDTO, origin: string): CsvRow {
  const { citations } = entry;
  // Most entries have one citation: its line is the cell, no array needed.
  const lines = (pick: (citation: CitationDTO) => string) =>
    citations.length === 1 ? pick(citations[0]!) : citations.map(pick).join(CELL_LINE_BREAK);
  return [
    entry.event.slug,
    entry.event.date,
    entry.event.endDate,
    entry.leader.name,
    entry.leader.office,
    entry.leader.polity,
    entry.leader.countryCode ?? "",
    entry.status,
    entry.outcome ?? "",
    entry.asOf ?? "",
    String(entry.sourcesDisagree),
    entry.representative?.name ?? "",
    withCellLineBreaks(entry.stepNote),
    withCellLineBreaks(entry.note),
    lines((c) => c.quote),
    lines((c) => c.source.title),
    lines((c) => c.source.url),
    reviewLines(citations),
    entry.updatedAt,
    entryUrl(entry.id, origin),
  ];
}

/** The origin entryUrl saw last, and the address of its entry pages. */
let entryPages = { origin: "", base: "" };

/**
 * `new URL(`/attendance/${id}`, origin).href`, with the URL of `/attendance/` parsed once per
 * origin rather than once per row: an id is digits, which a URL takes as they are.
 */
function entryUrl(id: number, origin: string): string {
  if (entryPages.origin !== origin) {
    entryPages = { origin, base: new URL("/attendance/", origin).href };
  }
  return entryPages.base + id;
}

/**
 * `quote_reviews`: empty while no citation is under review; otherwise each citation's mark line
 * for line with `quotes`, `none` for those as cited (an empty first line would start the cell
 * with a line break, which a spreadsheet-safe cell must not).
 */
function reviewLines(citations: CitationDTO[]): string {
  if (citations.every((c) => citationStanding(c) === null)) return "";
  return citations.map((c) => citationStanding(c) ?? "none").join(CELL_LINE_BREAK);
}

/**
 * The entry's rows in the long format: one per citation of each step of its story (in story
 * order, each step's in its citation order), with the step's status and as-of date and
 * whether it is the current one. A step without citations still gets a row, with the
 * citation cells empty, so no leader disappears from the long export; so does an entry read
 * without its story (its current status only). A quote lost from its source has no offsets.
 */
export function longRows(entry: ExportEntryDTO): CsvRow[] {
  const steps = entry.story ?? [
    {
      status: entry.status,
      outcome: entry.outcome,
      representative: entry.representative,
      note: entry.stepNote,
      asOf: entry.asOf,
      current: true,
      citations: entry.citations,
    },
  ];
  return steps.flatMap((step) => {
    const lead = [
      entry.event.slug,
      entry.leader.name,
      step.status,
      step.outcome ?? "",
      step.asOf ?? "",
      String(step.current),
      step.representative?.name ?? "",
      withCellLineBreaks(step.note),
    ];
    if (step.citations.length === 0) return [[...lead, "", "", "", "", "", "", ""]];
    return step.citations.map((c) => {
      const lost = c.lost;
      return [
        ...lead,
        c.quote,
        lost ? "" : String(c.start),
        lost ? "" : String(c.end),
        c.source.title,
        c.source.url,
        urlWithTextFragment(c.source.url, c.quote),
        citationStanding(c) ?? "",
      ];
    });
  });
}

/**
 * The part of an export's file name that says what it holds beside the event: the filter
 * (status, search, day), the story format and the Excel flavour, so the filtered list, the
 * full one and the one for Excel never overwrite each other in a downloads folder.
 */
export function exportNameParts(
  query: Partial<AttendanceQuery>,
  options: Pick<ExportOptions, "format" | "bom">,
): string[] {
  const parts: string[] = [];
  if (query.status) parts.push(query.status);
  if (query.q) parts.push(`matching-${query.q.slice(0, 40)}`);
  if (query.day) parts.push(`as-of-${query.day}`);
  if (options.format === "long") parts.push("story");
  if (options.bom) parts.push("excel");
  return parts;
}

/**
 * `rollcall-<name>-<YYYY-MM-DD>.csv`, with the date in UTC. The name is reduced to letters,
 * digits and dashes, so it is safe inside a quoted Content-Disposition filename.
 */
export function exportFilename(name: string, today: Date): string {
  const safe = name.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "export";
  return `rollcall-${safe}-${today.toISOString().slice(0, 10)}.csv`;
}
