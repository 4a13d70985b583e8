/**
 * Reading a spreadsheet's CSV for the import: the bytes as spreadsheets really write them
 * (UTF-8 with or without a byte-order mark, UTF-16 from Excel's "Unicode text", Windows-1252
 * from an older "CSV"), `,`, `;` or tab between cells, CRLF or LF, line breaks inside quoted
 * cells, and cells Rollcall's own export protected against formulas. Pure: no I/O.
 *
 * Two layouts are read (docs/chart-and-import.md): the simple one (leader, country,
 * country_code, office, status, as_of, source, quote, note) and Rollcall's long export
 * (lib/csv/attendance-rows.ts).
 */
import { parse } from "csv-parse/sync";
import { FORMULA_TRIGGERS } from "./neutralise";

export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;

/** One claim of the file, its cells trimmed; `row` is its number as a spreadsheet shows it. */
export type ImportRow = {
  row: number;
  leader: string;
  country: string;
  /** The country's ISO 3166-1 code as written, for a new leader; empty if none. */
  countryCode: string;
  office: string;
  status: string;
  asOf: string;
  /** A source's address or its id. */
  source: string;
  quote: string;
  note: string;
};

export type ImportLayout = "simple" | "long";

export type ParsedImport =
  | { ok: true; layout: ImportLayout; encoding: string; separator: string; rows: ImportRow[] }
  | { ok: false; message: string };

/**
 * The text of `bytes`: a byte-order mark decides (and is dropped); without one, UTF-16 is
 * recognised by its zero bytes (ASCII text in UTF-16 has one in every pair), else UTF-8, and
 * bytes that are not UTF-8 are read as Windows-1252, what Excel writes as plain "CSV" on Windows.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: string } {
  const b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(b.subarray(3)), encoding: "UTF-8" };
  if (b[0] === 0xff && b[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(b.subarray(2)), encoding: "UTF-16 LE" };
  if (b[0] === 0xfe && b[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(b.subarray(2)), encoding: "UTF-16 BE" };
  const sample = b.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    }
  }
  if (oddZeros > sample.length / 4)
    return { text: new TextDecoder("utf-16le").decode(b), encoding: "UTF-16 LE" };
  if (evenZeros > sample.length / 4)
    return { text: new TextDecoder("utf-16be").decode(b), encoding: "UTF-16 BE" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(b), encoding: "UTF-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(b), encoding: "Windows-1252" };
  }
}

/** The separator of the header line: whichever of `,` `;` tab it has most of, outside quotes. */
export function detectSeparator(text: string): string {
  const counts = new Map([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ",";
  for (const [sep, n] of counts) if (n > counts.get(best)!) best = sep;
  return best;
}

/**
 * Undoes lib/csv/neutralise.ts: the export puts `'` before a cell that starts with a formula
 * character, so `'=x` was `=x`. A `'` before anything else is the cell's own.
 */
export function unneutraliseCell(value: string): string {
  return value.startsWith("'") && FORMULA_TRIGGERS.has(value.charAt(1)) ? value.slice(1) : value;
}

/** A header cell as a key: "As of", "as-of" and "AS_OF" are one column. */
const headerKey = (cell: string) =>
  cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

/** The simple layout's columns, and the other names each is known by. */
const SIMPLE_COLUMNS: Record<keyof Omit<ImportRow, "row">, string[]> = {
  leader: ["leader", "name"],
  country: ["country", "country_or_entity", "polity"],
  countryCode: ["country_code", "iso_code"],
  office: ["office"],
  status: ["status"],
  asOf: ["as_of", "asof", "date"],
  source: ["source", "source_url", "source_address", "source_id", "url"],
  quote: ["quote"],
  note: ["note", "step_note"],
};

const REQUIRED: (keyof Omit<ImportRow, "row">)[] = ["leader", "status", "source", "quote"];

/** Parses an uploaded file into its claims, or says in one sentence why it cannot. */
export function parseImportFile(bytes: Uint8Array): ParsedImport {
  if (bytes.length === 0) return { ok: false, message: "The file is empty: choose a CSV file." };
  if (bytes.length > IMPORT_MAX_BYTES)
    return {
      ok: false,
      message: `The file is larger than 10 MB (${(bytes.length / 1024 / 1024).toFixed(1)} MB): split it into smaller files and import each.`,
    };
  const { text, encoding } = decodeCsvBytes(bytes);
  const separator = detectSeparator(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: separator,
      relax_column_count: true,
      skip_empty_lines: true,
      // A stray quote inside an unquoted cell ("5" Avenue) is kept as text.
      relax_quotes: true,
    }) as string[][];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `The file could not be read as CSV: ${reason}` };
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, message: "The file has no header line." };
  if (body.length > IMPORT_MAX_ROWS)
    return {
      ok: false,
      message: `The file has ${body.length.toLocaleString("en-GB")} rows; at most ${IMPORT_MAX_ROWS.toLocaleString("en-GB")} are imported at once: split it into smaller files.`,
    };
  const keys = header.map((cell) => headerKey(unneutraliseCell(cell)));
  const layout: ImportLayout =
    keys.includes("source_url") && keys.includes("quote_start") ? "long" : "simple";
  const index = (names: string[]) => keys.findIndex((k) => names.includes(k));
  const columns =
    layout === "long"
      ? {
          leader: index(["leader"]),
          country: -1,
          countryCode: -1,
          office: -1,
          // An outcome step's claim is its outcome; its status column is the plan it carries.
          status: index(["outcome"]),
          plan: index(["status"]),
          asOf: index(["as_of"]),
          source: index(["source_url"]),
          quote: index(["quote"]),
          note: index(["step_note"]),
        }
      : {
          ...(Object.fromEntries(
            Object.entries(SIMPLE_COLUMNS).map(([field, names]) => [field, index(names)]),
          ) as Record<keyof Omit<ImportRow, "row">, number>),
          plan: -1,
        };
  const missing = REQUIRED.filter((field) =>
    field === "status" ? columns.status < 0 && columns.plan < 0 : columns[field] < 0,
  );
  if (missing.length > 0)
    return {
      ok: false,
      message: `The header line has no ${missing.join(", ")} column: the first line must name the columns (see the import format below).`,
    };
  const cell = (record: string[], i: number) =>
    i < 0 ? "" : unneutraliseCell(record[i] ?? "").trim();
  const rows = body.map((record, i) => ({
    row: i + 2,
    leader: cell(record, columns.leader),
    country: cell(record, columns.country),
    countryCode: cell(record, columns.countryCode),
    office: cell(record, columns.office),
    status: cell(record, columns.status) || cell(record, columns.plan),
    asOf: cell(record, columns.asOf),
    source: cell(record, columns.source),
    quote: cell(record, columns.quote),
    note: cell(record, columns.note),
  }));
  return { ok: true, layout, encoding, separator, rows };
}
