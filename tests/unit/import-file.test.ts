import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LONG_COLUMNS } from "@/lib/csv/attendance-rows";
import {
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  decodeCsvBytes,
  detectSeparator,
  parseImportFile,
  unneutraliseCell,
} from "@/lib/csv/import-file";
import { neutraliseCell } from "@/lib/csv/neutralise";
import { csvRecord } from "@/lib/csv/stream";

const HEADER = "leader,country,office,status,as_of,source,quote,note";
const utf8 = (text: string) => new TextEncoder().encode(text);

/** What Excel's "Unicode text" and "CSV UTF-16" write: a byte-order mark, then UTF-16. */
function utf16(text: string, endian: "le" | "be", bom = true): Uint8Array {
  const body = Buffer.from(text, "utf16le");
  if (endian === "be") body.swap16();
  const mark = endian === "le" ? [0xff, 0xfe] : [0xfe, 0xff];
  return new Uint8Array(bom ? Buffer.concat([Buffer.from(mark), body]) : body);
}

function rowsOf(bytes: Uint8Array) {
  const parsed = parseImportFile(bytes);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
}

describe("decoding a spreadsheet's bytes", () => {
  const text = "leader;quote\r\nNicolás Maduro;“Victory” — 勝利\r\n";
  it.each([
    ["UTF-8 without a mark", utf8(text), "UTF-8"],
    ["UTF-8 with a mark", new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), "UTF-8"],
    ["UTF-16 LE with a mark", utf16(text, "le"), "UTF-16 LE"],
    ["UTF-16 BE with a mark", utf16(text, "be"), "UTF-16 BE"],
    ["UTF-16 LE without a mark", utf16(text, "le", false), "UTF-16 LE"],
  ])("%s gives the text, without its mark", (_name, bytes, encoding) => {
    const decoded = decodeCsvBytes(bytes);
    expect(decoded.text).toBe(text);
    expect(decoded.encoding).toBe(encoding);
  });

  it("reads bytes that are not UTF-8 as Windows-1252 (Excel's plain CSV)", () => {
    const bytes = new Uint8Array([...utf8("leader\r\nNicol"), 0xe1, ...utf8("s Maduro\r\n")]);
    expect(decodeCsvBytes(bytes)).toEqual({
      text: "leader\r\nNicolás Maduro\r\n",
      encoding: "Windows-1252",
    });
  });
});

describe("the separator", () => {
  it("is the one the header line has most of, outside quotes", () => {
    expect(detectSeparator("a,b,c\n1;2;3;4;5")).toBe(",");
    expect(detectSeparator("a;b;c\n")).toBe(";");
    expect(detectSeparator("a\tb\tc")).toBe("\t");
    expect(detectSeparator('"a;b;c;d",x,y\n')).toBe(",");
  });
});

describe("formula-prefixed cells from Rollcall's export", () => {
  it.each(["=1+2", "+44 20", "-5", "@SUM(A1)", "＝x", "plain", "'quoted", ""])(
    "%j comes back as it was before the export neutralised it",
    (value) => {
      expect(unneutraliseCell(neutraliseCell(value))).toBe(value);
    },
  );
});

describe("parsing an import file", () => {
  it("reads the simple layout with CRLF, quoted newlines and doubled quotes", () => {
    const file = `${HEADER}\r\nXi Jinping,China,President,confirmed,2025-04-12,7,"He said ""yes""\r\nand came",\r\n`;
    const parsed = rowsOf(utf8(file));
    expect(parsed.layout).toBe("simple");
    expect(parsed.rows).toEqual([
      {
        row: 2,
        leader: "Xi Jinping",
        country: "China",
        countryCode: "",
        office: "President",
        status: "confirmed",
        asOf: "2025-04-12",
        source: "7",
        quote: 'He said "yes"\r\nand came',
        note: "",
      },
    ]);
  });

  it("reads an Excel UTF-16 file with semicolons and headers in other words", () => {
    const file =
      "Leader;Country;Country code;Office;Status;As of;Source;Quote\r\nLula;Brazil;br;President;Reported;;https://x.example/a;Lula, too\r\n";
    const parsed = rowsOf(utf16(file, "le"));
    expect(parsed.separator).toBe(";");
    expect(parsed.rows[0]).toMatchObject({
      leader: "Lula",
      countryCode: "br",
      status: "Reported",
      asOf: "",
      quote: "Lula, too",
    });
  });

  it("reads Rollcall's long export, formulas undone, outcome as the claim", () => {
    const record = (cells: string[]) => csvRecord(cells);
    const file =
      record([...LONG_COLUMNS]) +
      record([
        "ev",
        "Robert Fico",
        "confirmed",
        "attended",
        "2025-05-09",
        "true",
        "",
        "",
        "=he came",
        "10",
        "18",
        "Wire",
        "https://x.example/a",
        "",
        "",
      ]) +
      record([
        "ev",
        "Xi Jinping",
        "reported",
        "",
        "",
        "false",
        "",
        "-in Moscow",
        "Xi too",
        "1",
        "7",
        "Wire",
        "https://x.example/a",
        "",
        "",
      ]);
    const parsed = rowsOf(utf8(`\uFEFF${file}`));
    expect(parsed.layout).toBe("long");
    expect(parsed.rows.map((r) => [r.leader, r.status, r.asOf, r.source, r.quote, r.note])).toEqual(
      [
        ["Robert Fico", "attended", "2025-05-09", "https://x.example/a", "=he came", ""],
        ["Xi Jinping", "reported", "", "https://x.example/a", "Xi too", "-in Moscow"],
      ],
    );
  });

  it("reads the example file in docs/", () => {
    const bytes = readFileSync(path.resolve(__dirname, "../../docs/import-example.csv"));
    const parsed = rowsOf(new Uint8Array(bytes));
    expect(parsed.rows.map((r) => r.leader)).toEqual(["Robert Fico", "Lula", "Xi Jinping"]);
  });

  it("says what is wrong with a file it cannot use", () => {
    const message = (bytes: Uint8Array) => {
      const parsed = parseImportFile(bytes);
      return parsed.ok ? "" : parsed.message;
    };
    expect(message(new Uint8Array())).toMatch(/empty/);
    expect(message(utf8("name,when\r\nXi,today\r\n"))).toMatch(/no status, source, quote column/);
    expect(message(new Uint8Array(IMPORT_MAX_BYTES + 1).fill(0x61))).toMatch(/larger than 10 MB/);
    const many = `${HEADER}\r\n${"a,b,c,confirmed,,1,q,\r\n".repeat(IMPORT_MAX_ROWS + 1)}`;
    expect(message(utf8(many))).toMatch(/20,001 rows; at most 20,000/);
    expect(
      message(utf8(`${HEADER}\r\n${"a,b,c,confirmed,,1,q,\r\n".repeat(IMPORT_MAX_ROWS)}`)),
    ).toBe("");
  });
});
