import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  LONG_COLUMNS,
  WIDE_COLUMNS,
  exportFilename,
  exportNameParts,
  longRows,
  wideRow,
} from "@/lib/csv/attendance-rows";
import { neutraliseCell } from "@/lib/csv/neutralise";
import { csvRecord, csvStream } from "@/lib/csv/stream";
import type { ExportEntryDTO } from "@/lib/data/export";
import { readStream } from "./helpers/read-stream";

// Cells a spreadsheet would run as formulas, and what it must be given instead.
const PAYLOADS: [string, string][] = [
  ["=1+2", "'=1+2"],
  ["+1", "'+1"],
  ["-1", "'-1"],
  ["@SUM(A1)", "'@SUM(A1)"],
  ["\t=1", "'\t=1"],
  ["\r=1", "'\r=1"],
  ["\n=1", "'\n=1"],
  ['a,"=1', 'a,"=1'],
];

describe("neutraliseCell", () => {
  it.each(PAYLOADS)("turns %j into %j", (payload, expected) => {
    expect(neutraliseCell(payload)).toBe(expected);
  });

  it("also catches the full-width forms Apple Numbers reads as formulas", () => {
    expect(neutraliseCell("＝1+2")).toBe("'＝1+2");
    expect(neutraliseCell("＠SUM(A1)")).toBe("'＠SUM(A1)");
  });

  it("leaves ordinary text, empty cells and already neutralised cells alone", () => {
    for (const value of ["Xi Jinping", "", "'=1", "1-2", " =1", "São Tomé", "🇧🇷"]) {
      expect(neutraliseCell(value)).toBe(value);
    }
  });
});

const source = { id: 3, title: "Maduro to attend", publisher: "bne", url: "https://example.org/a" };

function entry(overrides: Partial<ExportEntryDTO> = {}): ExportEntryDTO {
  return {
    id: 42,
    eventId: 1,
    event: { slug: "victory-day-parade-2025", date: "2025-05-09", endDate: "2025-05-09" },
    leader: {
      id: 7,
      name: "Nicolas Maduro",
      office: "President",
      polity: "Venezuela",
      countryCode: "VE",
    },
    status: "confirmed",
    outcome: null,
    representative: null,
    sourcesDisagree: false,
    asOf: "2025-04-12",
    stepNote: "",
    note: "",
    updatedAt: "2025-04-13T10:00:00.000Z",
    version: 1,
    citations: [
      {
        id: 1,
        quote: "Maduro will travel to Moscow",
        start: 10,
        end: 38,
        prefix: "",
        suffix: "",
        source,
        lost: false,
        review: "",
        anchoredVersion: 1,
      },
      {
        id: 2,
        quote: "We appreciate that President Maduro will be with us on Victory Day",
        start: 200,
        end: 266,
        prefix: "",
        suffix: "",
        source,
        lost: false,
        review: "",
        anchoredVersion: 1,
      },
    ],
    ...overrides,
  };
}

describe("wideRow", () => {
  it("gives one cell per column, in the documented order", () => {
    const row = wideRow(entry(), "https://rollcall.example.org");
    expect(row).toHaveLength(WIDE_COLUMNS.length);
    expect(Object.fromEntries(WIDE_COLUMNS.map((column, i) => [column, row[i]]))).toEqual({
      event: "victory-day-parade-2025",
      event_date: "2025-05-09",
      event_end_date: "2025-05-09",
      leader: "Nicolas Maduro",
      office: "President",
      country: "Venezuela",
      country_code: "VE",
      status: "confirmed",
      outcome: "",
      as_of: "2025-04-12",
      sources_disagree: "false",
      represented_by: "",
      step_note: "",
      note: "",
      quotes:
        "Maduro will travel to Moscow\r\nWe appreciate that President Maduro will be with us on Victory Day",
      sources: "Maduro to attend\r\nMaduro to attend",
      source_urls: "https://example.org/a\r\nhttps://example.org/a",
      quote_reviews: "",
      updated_at: "2025-04-13T10:00:00.000Z",
      url: "https://rollcall.example.org/attendance/42",
    });
  });

  it("leaves unknown values empty rather than writing null", () => {
    const row = wideRow(
      entry({ asOf: null, leader: { ...entry().leader, countryCode: null }, citations: [] }),
      "http://localhost:3000",
    );
    expect(row[WIDE_COLUMNS.indexOf("country_code")]).toBe("");
    expect(row[WIDE_COLUMNS.indexOf("as_of")]).toBe("");
    expect(row[WIDE_COLUMNS.indexOf("quotes")]).toBe("");
    expect(row[WIDE_COLUMNS.indexOf("url")]).toBe("http://localhost:3000/attendance/42");
  });

  it("gives each entry's page URL as new URL gives it, for any origin, one after another", () => {
    const origins = [
      "https://rollcall.example.org",
      "http://localhost:3000",
      "https://rollcall.example.org",
      "http://127.0.0.1:3502/",
      "https://EXAMPLE.org:443",
      "http://[::1]:8080",
      "https://example.org/base/path?q=1#top",
    ];
    for (const origin of origins) {
      for (const id of [1, 42, 500_000, 2 ** 31]) {
        const row = wideRow(entry({ id }), origin);
        expect(row[WIDE_COLUMNS.indexOf("url")], `${origin} ${id}`).toBe(
          new URL(`/attendance/${id}`, origin).href,
        );
      }
    }
  });

  it("lists one line per citation, and review marks only when one is under review", () => {
    const [first, second] = entry().citations;
    const cells = (citations: ExportEntryDTO["citations"]) => {
      const row = wideRow(entry({ citations }), "https://x.example");
      return ["quotes", "sources", "quote_reviews"].map(
        (c) => row[WIDE_COLUMNS.indexOf(c as never)],
      );
    };
    expect(cells([first!])).toEqual([first!.quote, first!.source.title, ""]);
    expect(cells([])).toEqual(["", "", ""]);
    expect(cells([first!, { ...second!, review: "check" }])).toEqual([
      `${first!.quote}\r\n${second!.quote}`,
      `${first!.source.title}\r\n${second!.source.title}`,
      "none\r\nwording-changed",
    ]);
    expect(cells([{ ...first!, lost: true }])).toEqual([
      first!.quote,
      first!.source.title,
      "orphaned",
    ]);
  });
});

describe("longRows", () => {
  it("gives one row per citation with its offsets and a text-fragment link", () => {
    const rows = longRows(entry());
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toHaveLength(LONG_COLUMNS.length);
    expect(rows[0]).toEqual([
      "victory-day-parade-2025",
      "Nicolas Maduro",
      "confirmed",
      "",
      "2025-04-12",
      "true",
      "",
      "",
      "Maduro will travel to Moscow",
      "10",
      "38",
      "Maduro to attend",
      "https://example.org/a",
      "https://example.org/a#:~:text=Maduro%20will%20travel%20to%20Moscow",
      "",
    ]);
    expect(rows[1]?.[LONG_COLUMNS.indexOf("fragment_url")]).toBe(
      "https://example.org/a#:~:text=We%20appreciate%20that%20President,us%20on%20Victory%20Day",
    );
  });

  it("keeps an entry without citations as one row", () => {
    expect(longRows(entry({ citations: [] }))).toEqual([
      [
        "victory-day-parade-2025",
        "Nicolas Maduro",
        "confirmed",
        "",
        "2025-04-12",
        "true",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
      ],
    ]);
  });

  it("gives every step's citations with the step's status, date and whether it is current", () => {
    const [first, second] = entry().citations;
    const story = [
      {
        id: 1,
        version: 1,
        status: "reported" as const,
        outcome: null,
        representative: null,
        asOf: "2025-03-14",
        note: "",
        recordedAt: "2025-03-15T00:00:00.000Z",
        recordedBy: "A",
        current: false,
        citations: [
          { ...first!, lost: false },
          { ...second!, lost: true },
        ],
      },
      {
        id: 2,
        version: 1,
        status: "confirmed" as const,
        outcome: "partly_attended" as const,
        representative: null,
        asOf: "2025-04-12",
        note: "in Moscow; did not attend the parade",
        recordedAt: "2025-04-13T00:00:00.000Z",
        recordedBy: "A",
        current: true,
        citations: [],
      },
    ];
    const rows = longRows(entry({ story }));
    const cells = ["status", "outcome", "as_of", "current", "step_note", "quote", "quote_start"];
    const pick = (row: string[]) => cells.map((c) => row[LONG_COLUMNS.indexOf(c as never)]);
    expect(rows.map(pick)).toEqual([
      ["reported", "", "2025-03-14", "false", "", "Maduro will travel to Moscow", "10"],
      // A quote lost from its source: no offsets that would point elsewhere.
      [
        "reported",
        "",
        "2025-03-14",
        "false",
        "",
        "We appreciate that President Maduro will be with us on Victory Day",
        "",
      ],
      [
        "confirmed",
        "partly_attended",
        "2025-04-12",
        "true",
        "in Moscow; did not attend the parade",
        "",
        "",
      ],
    ]);
  });
});

describe("after the event", () => {
  const modi = entry({
    status: "declined",
    outcome: "did_not_attend",
    representative: { id: 9, name: "Rajnath Singh", office: "Defence Minister", polity: "India" },
    stepNote: "sent his defence minister",
    event: { slug: "sco-2025", date: "2025-08-31", endDate: "2025-09-01" },
  });

  it("writes the outcome, the representative, the step's note and the event's days (wide)", () => {
    const row = wideRow(modi, "https://x.example");
    const cell = (c: (typeof WIDE_COLUMNS)[number]) => row[WIDE_COLUMNS.indexOf(c)];
    expect(cell("status")).toBe("declined");
    expect(cell("outcome")).toBe("did_not_attend");
    expect(cell("represented_by")).toBe("Rajnath Singh");
    expect(cell("step_note")).toBe("sent his defence minister");
    expect([cell("event_date"), cell("event_end_date")]).toEqual(["2025-08-31", "2025-09-01"]);
  });

  it("writes them on the step's row (long, read without a story)", () => {
    const [row] = longRows({ ...modi, citations: [] });
    const cell = (c: (typeof LONG_COLUMNS)[number]) => row![LONG_COLUMNS.indexOf(c)];
    expect([cell("outcome"), cell("represented_by"), cell("step_note")]).toEqual([
      "did_not_attend",
      "Rajnath Singh",
      "sent his defence minister",
    ]);
  });
});

describe("line breaks in cells", () => {
  it("writes a note's line breaks as the file's, CRLF, however they were typed", () => {
    const row = wideRow(entry({ note: "one\ntwo\r\nthree\rfour" }), "https://x.example");
    expect(row[WIDE_COLUMNS.indexOf("note")]).toBe("one\r\ntwo\r\nthree\r\nfour");
  });
});

describe("exportNameParts", () => {
  it("names the filtered, the full, the story and the Excel exports apart", () => {
    const name = (q: Parameters<typeof exportNameParts>[0], o = {}) =>
      exportFilename(
        ["ev", ...exportNameParts(q, { format: "wide", bom: false, ...o })].join("-"),
        new Date("2026-11-27T00:00:00Z"),
      );
    const names = [
      name({}),
      name({ status: "reported" }),
      name({ q: "Xi Jinping" }),
      name({}, { bom: true }),
      name({ status: "reported" }, { bom: true }),
      name({}, { format: "long" }),
      name({ day: "2025-05-01" }),
    ];
    expect(names[0]).toBe("rollcall-ev-2026-11-27.csv");
    expect(names[1]).toBe("rollcall-ev-reported-2026-11-27.csv");
    expect(names[2]).toBe("rollcall-ev-matching-Xi-Jinping-2026-11-27.csv");
    expect(names[3]).toBe("rollcall-ev-excel-2026-11-27.csv");
    expect(new Set(names).size).toBe(names.length);
  });
});

describe("exportFilename", () => {
  it("names the export after the event and today's date", () => {
    const today = new Date("2026-11-27T23:30:00Z");
    expect(exportFilename("victory-day-parade-2025", today)).toBe(
      "rollcall-victory-day-parade-2025-2026-11-27.csv",
    );
    expect(exportFilename('a"b\r\nc/../d', today)).toBe("rollcall-a-b-c-d-2026-11-27.csv");
  });
});

describe("csvStream", () => {
  const columns = ["leader", "note"];
  /** Items that are rows already. */
  const asRow = (row: string[]) => [row];

  it("writes RFC 4180: header, CRLF line ends, quoted fields, doubled quotes", async () => {
    const rows = [
      ["Plain", "x"],
      ['Dr. "Ana", de la Peña', "two\nlines"],
    ];
    const { text } = await readStream(csvStream(columns, [rows], asRow));
    expect(text).toBe('leader,note\r\nPlain,x\r\n"Dr. ""Ana"", de la Peña","two\nlines"\r\n');
  });

  it("neutralises every payload and keeps the column count", async () => {
    const rows = PAYLOADS.map(([payload]) => ["Leader", payload]);
    const { text } = await readStream(csvStream(columns, [rows], asRow));
    expect(text).toContain('"a,""=1"');
    const parsed: string[][] = parse(text, { record_delimiter: "\r\n" });
    expect(parsed[0]).toEqual(columns);
    expect(parsed.slice(1)).toEqual(PAYLOADS.map(([, expected]) => ["Leader", expected]));
  });

  it("starts with a byte-order mark only when asked", async () => {
    const plain = await readStream(csvStream(columns, [[["a", "b"]]], asRow));
    const excel = await readStream(csvStream(columns, [[["a", "b"]]], asRow, { bom: true }));
    expect([...plain.bytes.subarray(0, 3)]).toEqual([...Buffer.from("lea")]);
    expect([...excel.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(excel.bytes.subarray(3)).toEqual(plain.bytes);
  });

  it("writes every row byte for byte as csv-stringify did, for any text", () => {
    // The writer the exports used before: what spreadsheets were given must not change.
    const before = (row: string[]) =>
      stringify([row], {
        record_delimiter: "\r\n",
        quote_record_delimiter: true,
        cast: { string: neutraliseCell },
      });
    const text = fc.string({
      unit: fc.oneof(
        fc.constantFrom('"', ",", "\r", "\n", "\t", "=", "+", "-", "@", "'", " ", "＝"),
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
      ),
      maxLength: 12,
    });
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), (row) => {
        expect(csvRecord(row)).toBe(before(row));
      }),
      { numRuns: 2_000 },
    );
  });

  it("writes the header alone when there are no rows", async () => {
    expect((await readStream(csvStream(columns, [], asRow))).text).toBe("leader,note\r\n");
    expect((await readStream(csvStream(columns, [[], []], asRow))).text).toBe("leader,note\r\n");
  });

  it("writes batches larger than a chunk across chunks, every row once and in order", async () => {
    const batches = [0, 1, 2].map((b) =>
      Array.from({ length: 1_000 }, (_, i) => [`Leader ${b * 1_000 + i}`, "a, note"]),
    );
    const { text, chunks } = await readStream(csvStream(columns, batches, asRow));
    expect(chunks).toBeGreaterThan(3);
    const parsed: string[][] = parse(text, { record_delimiter: "\r\n" });
    expect(parsed).toEqual([columns, ...batches.flat()]);
  });

  it("pulls rows only as they are read, and stops the source when cancelled", async () => {
    let pulled = 0;
    let closed = false;
    async function* rows() {
      try {
        for (let b = 0; b < 1_000; b++) {
          pulled += 100;
          yield Array.from({ length: 100 }, (_, i) => [
            `Leader ${b * 100 + i}`,
            "a note of some length to fill the chunk",
          ]);
        }
      } finally {
        closed = true;
      }
    }
    const reader = csvStream(columns, rows(), asRow).getReader();
    const first = await reader.read();
    expect(first.value?.length).toBeGreaterThan(0);
    expect(pulled).toBeLessThan(5_000);
    await reader.cancel();
    expect(closed).toBe(true);
    expect(pulled).toBeLessThan(5_000);
  });

  it("fails the stream, instead of ending it cleanly, when the source fails", async () => {
    async function* rows() {
      yield [["a", "b"]];
      throw new Error("database gone");
    }
    await expect(readStream(csvStream(columns, rows(), asRow))).rejects.toThrow("database gone");
  });
});
