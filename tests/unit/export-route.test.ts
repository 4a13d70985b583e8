import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LONG_COLUMNS, WIDE_COLUMNS } from "@/lib/csv/attendance-rows";
import { createEntry } from "../factories";
import { createTestDatabase } from "./helpers/test-db";
import { readStream } from "./helpers/read-stream";

/**
 * The export routes called as Next calls them, on a temporary database holding what the
 * editing features will one day let people type: names with commas, quotes, line breaks,
 * accents and emoji, and notes that a spreadsheet would run as formulas.
 */
const SLUG = "summit-2026";
const HARD_NAME = 'Dr. "Ana" María, de la Peña\nSegunda 🇧🇷😀';
const HARD_LEADER = {
  name: HARD_NAME,
  office: "President, acting",
  polity: "São Tomé and Príncipe",
};
const QUOTE_1 = "María, “the guest”, will attend";
const QUOTE_2 = 'she said "yes, gladly"';
const TEXT = `Officials said that ${QUOTE_1} on Monday. Asked again, ${QUOTE_2} to reporters.`;

// Note → the note cell a spreadsheet receives (its line breaks as the file's: CRLF).
const PAYLOADS: [string, string][] = [
  ["=1+2", "'=1+2"],
  ["+1", "'+1"],
  ["-1", "'-1"],
  ["@SUM(A1)", "'@SUM(A1)"],
  ["\t=1", "'\t=1"],
  ["\r=1", "'\r\n=1"],
  ["\n=1", "'\r\n=1"],
  ['a,"=1', 'a,"=1'],
];

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let eventCsv: typeof import("@/app/events/[slug]/attendance.csv/route").GET;
let allCsv: typeof import("@/app/attendance.csv/route").GET;
let hardEntryId: number;
const sourceUrl = "https://news.example.org/summit?id=1&lang=es";
/** A cell of a wide or long row, by its column's name. */
const cell = (row: string[] | undefined, name: (typeof WIDE_COLUMNS)[number]) =>
  row?.[WIDE_COLUMNS.indexOf(name)];
const longCell = (row: string[] | undefined, name: (typeof LONG_COLUMNS)[number]) =>
  row?.[LONG_COLUMNS.indexOf(name)];

beforeAll(async () => {
  t = await createTestDatabase();
  // Imported after the database exists: lib/db.ts reads DATABASE_URL when first loaded.
  eventCsv = (await import("@/app/events/[slug]/attendance.csv/route")).GET;
  allCsv = (await import("@/app/attendance.csv/route")).GET;

  const event = await t.db.event.create({
    data: {
      slug: SLUG,
      name: "Summit",
      place: "Lisbon",
      date: new Date("2026-06-01T00:00:00Z"),
      endDate: new Date("2026-06-01T00:00:00Z"),
      occasion: "A test",
    },
  });
  const source = await t.db.source.create({
    data: { title: 'Summit "guests", day 1', publisher: "Example", url: sourceUrl, text: TEXT },
  });
  const cite = (quote: string) => ({ sourceId: source.id, quote });

  const hard = await createEntry(t.db, {
    eventId: event.id,
    leader: { ...HARD_LEADER, countryCode: "ST" },
    note: "Arrives Monday, leaves Tuesday",
    steps: [{ status: "confirmed", asOf: "2026-05-20", citations: [cite(QUOTE_1), cite(QUOTE_2)] }],
  });
  hardEntryId = hard.id;

  for (const [i, [payload]] of PAYLOADS.entries()) {
    await createEntry(t.db, {
      eventId: event.id,
      leader: { name: `Payload ${i + 1}`, office: "Minister", polity: "Testland" },
      note: payload,
      steps: [{ status: "reported", citations: [cite(QUOTE_2)] }],
    });
  }
  await createEntry(t.db, {
    eventId: event.id,
    leader: { name: '=HYPERLINK("https://evil.example","Click")', office: "-", polity: "@home" },
    steps: [{ status: "declined", citations: [cite(QUOTE_1)] }],
  });
});

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  await t.cleanup();
});

async function get(path: string) {
  const request = new Request(`http://localhost${path}`);
  const slug = path.match(/^\/events\/([^/]+)\//)?.[1];
  const response = slug
    ? await eventCsv(request, { params: Promise.resolve({ slug: decodeURIComponent(slug) }) })
    : await allCsv(request);
  const body = response.body ? await readStream(response.body) : null;
  return { response, body };
}

/** Parses strictly: CRLF record ends only, and every row must have the header's length. */
function parseCsv(text: string): string[][] {
  return parse(text, { record_delimiter: "\r\n", relax_column_count: false });
}

describe("GET /events/[slug]/attendance.csv", () => {
  it("answers a CSV attachment named after the event and today's date", async () => {
    const { response } = await get(`/events/${SLUG}/attendance.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const today = new Date().toISOString().slice(0, 10);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="rollcall-${SLUG}-${today}.csv"`,
    );
  });

  it("round-trips a name with commas, quotes, a line break, accents and emoji exactly", async () => {
    const { body } = await get(`/events/${SLUG}/attendance.csv`);
    const [header, ...rows] = parseCsv(body!.text);
    expect(header).toEqual([...WIDE_COLUMNS]);
    for (const row of rows) expect(row).toHaveLength(WIDE_COLUMNS.length);

    const hard = rows.find((row) => cell(row, "leader") === HARD_NAME)!;
    expect(Object.fromEntries(WIDE_COLUMNS.map((name) => [name, cell(hard, name)]))).toEqual({
      event: SLUG,
      event_date: "2026-06-01",
      event_end_date: "2026-06-01",
      leader: HARD_NAME,
      office: "President, acting",
      country: "São Tomé and Príncipe",
      country_code: "ST",
      status: "confirmed",
      outcome: "",
      as_of: "2026-05-20",
      sources_disagree: "false",
      represented_by: "",
      step_note: "",
      note: "Arrives Monday, leaves Tuesday",
      quotes: `${QUOTE_1}\r\n${QUOTE_2}`,
      sources: 'Summit "guests", day 1\r\nSummit "guests", day 1',
      source_urls: `${sourceUrl}\r\n${sourceUrl}`,
      quote_reviews: "",
      updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      url: `http://localhost/attendance/${hardEntryId}`,
    });
  });

  it("neutralises every formula payload and keeps every column", async () => {
    const { body } = await get(`/events/${SLUG}/attendance.csv`);
    const rows = parseCsv(body!.text).slice(1);
    expect(rows).toHaveLength(1 + PAYLOADS.length + 1);
    const noteOf = (name: string) =>
      cell(
        rows.find((row) => cell(row, "leader") === name),
        "note",
      );
    for (const [i, [payload, expected]] of PAYLOADS.entries()) {
      expect(noteOf(`Payload ${i + 1}`), JSON.stringify(payload)).toBe(expected);
    }
    const link = rows.find((row) => cell(row, "status") === "declined");
    expect([cell(link, "leader"), cell(link, "office"), cell(link, "country")]).toEqual([
      `'=HYPERLINK("https://evil.example","Click")`,
      "'-",
      "'@home",
    ]);
    expect(body!.text).toContain('"a,""=1"');
  });

  it("sends no byte-order mark unless bom=1 asks for one", async () => {
    const plain = await get(`/events/${SLUG}/attendance.csv`);
    expect(plain.body!.text.startsWith(`${WIDE_COLUMNS.join(",")}\r\n`)).toBe(true);
    const excel = await get(`/events/${SLUG}/attendance.csv?bom=1`);
    expect([...excel.body!.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(excel.body!.bytes.subarray(3)).toEqual(plain.body!.bytes);
  });

  it("honours the list's filter and search", async () => {
    const declined = parseCsv(
      (await get(`/events/${SLUG}/attendance.csv?status=declined`)).body!.text,
    );
    expect(declined.slice(1).map((row) => cell(row, "status"))).toEqual(["declined"]);
    const search = parseCsv((await get(`/events/${SLUG}/attendance.csv?q=pena`)).body!.text);
    expect(search.slice(1).map((row) => cell(row, "leader"))).toEqual([HARD_NAME]);
  });

  it("format=long gives one row per citation with offsets that point at the quote", async () => {
    const { body } = await get(`/events/${SLUG}/attendance.csv?format=long`);
    const [header, ...rows] = parseCsv(body!.text);
    expect(header).toEqual([...LONG_COLUMNS]);
    expect(rows).toHaveLength(2 + PAYLOADS.length + 1);
    const hardRows = rows.filter((row) => longCell(row, "leader") === HARD_NAME);
    expect(hardRows.map((row) => longCell(row, "quote"))).toEqual([QUOTE_1, QUOTE_2]);
    expect(
      hardRows.map((row) => [
        longCell(row, "status"),
        longCell(row, "as_of"),
        longCell(row, "current"),
      ]),
    ).toEqual([
      ["confirmed", "2026-05-20", "true"],
      ["confirmed", "2026-05-20", "true"],
    ]);
    for (const row of rows) {
      const start = Number(longCell(row, "quote_start"));
      const end = Number(longCell(row, "quote_end"));
      expect(TEXT.slice(start, end)).toBe(longCell(row, "quote"));
      expect(longCell(row, "source")).toBe('Summit "guests", day 1');
      expect(longCell(row, "source_url")).toBe(sourceUrl);
      expect(longCell(row, "fragment_url")?.startsWith(`${sourceUrl}#:~:text=`)).toBe(true);
    }
  });

  it("answers 404 for an unknown event and 400 for an unknown format", async () => {
    expect((await get("/events/no-such-event/attendance.csv")).response.status).toBe(404);
    const bad = await get(`/events/${SLUG}/attendance.csv?format=xlsx`);
    expect(bad.response.status).toBe(400);
    expect(bad.body!.text).toContain("format must be wide or long");
  });
});

describe("GET /attendance.csv", () => {
  it("exports every event's entries in entry id order, named for all events", async () => {
    const { response, body } = await get("/attendance.csv");
    const today = new Date().toISOString().slice(0, 10);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="rollcall-all-events-${today}.csv"`,
    );
    const rows = parseCsv(body!.text).slice(1);
    const ids = rows.map((row) => Number(cell(row, "url")?.split("/").pop()));
    expect(ids).toEqual(
      (await t.db.attendance.findMany({ orderBy: { id: "asc" } })).map((e) => e.id),
    );
    const hard = rows.find((row) => cell(row, "leader") === HARD_NAME);
    expect(cell(hard, "quotes")).toBe(`${QUOTE_1}\r\n${QUOTE_2}`);
  });

  it("honours the status filter", async () => {
    const rows = parseCsv((await get("/attendance.csv?status=reported")).body!.text).slice(1);
    expect(rows).toHaveLength(PAYLOADS.length);
    expect(new Set(rows.map((row) => cell(row, "status")))).toEqual(new Set(["reported"]));
  });

  it("is never cached, and marked no-transform so that Next sends it as written", async () => {
    // Next's compression leaves no-transform responses alone (next-compression-contract).
    for (const path of ["/attendance.csv", `/events/${SLUG}/attendance.csv`]) {
      const { response } = await get(path);
      expect(response.headers.get("cache-control"), path).toBe("no-store, no-transform");
      expect(response.headers.get("content-encoding"), path).toBeNull();
    }
  });
});

describe("listAllAttendanceForExport", () => {
  it("reads every entry exactly once across batch boundaries, in id order", async () => {
    const { listAllAttendanceForExport } = await import("@/lib/data/export");
    const all = (await t.db.attendance.findMany({ orderBy: { id: "asc" } })).map((e) => e.id);
    expect(all).toHaveLength(10);
    for (const batchSize of [1, 3, 5, 10, 11]) {
      const ids = [];
      for await (const batch of listAllAttendanceForExport({}, batchSize)) {
        expect(batch.length).toBeLessThanOrEqual(batchSize);
        ids.push(...batch.map((entry) => entry.id));
      }
      expect(ids, `batches of ${batchSize}`).toEqual(all);
    }
    const reported = [];
    for await (const batch of listAllAttendanceForExport({ status: "reported" }, 3)) {
      reported.push(...batch.map((entry) => entry.status));
    }
    expect(reported).toEqual(Array(PAYLOADS.length).fill("reported"));
  });
});
