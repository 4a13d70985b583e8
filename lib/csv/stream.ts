import { neutraliseCell } from "./neutralise";

/** Characters (about as many bytes) gathered before a chunk goes out: one write per row is slow. */
const CHUNK_CHARS = 16 * 1024;

/** A cell needs quotes when it holds a quote, a comma or a line break (RFC 4180). */
const NEEDS_QUOTES = /[",\r\n]/;

export type CsvStreamOptions = {
  /** Start with a UTF-8 byte-order mark, which Excel needs to read UTF-8. */
  bom?: boolean;
};

/** A cell as RFC 4180 writes it, after `neutraliseCell`. */
function csvCell(value: string): string {
  // Many cells are empty (no outcome, no representative, no citation under review).
  if (value === "") return value;
  const text = neutraliseCell(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A row as one CSV record, CRLF included. */
export function csvRecord(row: readonly string[]): string {
  let record = "";
  for (let i = 0; i < row.length; i++) record += (i === 0 ? "" : ",") + csvCell(row[i]!);
  return `${record}\r\n`;
}

/**
 * Writes rows as RFC 4180 CSV (CRLF line ends, fields quoted where needed, quotes doubled),
 * UTF-8, header first, every text cell through `neutraliseCell`. `toRows` gives an item's
 * rows; each row must have one cell per column.
 *
 * The items come in batches, pulled from `batches` only as fast as the reader takes the bytes,
 * so memory stays flat however many there are. A batch is written to bytes as soon as it
 * arrives, an item at a time, and dropped: items or rows kept until the reader wants them would
 * outlive several young-generation collections, be moved to the old generation and grow the
 * server's memory by tens of megabytes over a long export. (That is also why this is not
 * csv-stringify, which allocates about ten times the bytes it writes.)
 *
 * A failing source fails the stream (the reader sees an error, not a short file); cancelling
 * the stream closes the source (an async generator's `finally` has run when cancel resolves).
 */
export function csvStream<T>(
  columns: readonly string[],
  batches: Iterable<T[]> | AsyncIterable<T[]>,
  toRows: (item: T) => readonly (readonly string[])[],
  { bom = false }: CsvStreamOptions = {},
): ReadableStream<Uint8Array> {
  const source: Iterator<T[]> | AsyncIterator<T[]> =
    Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : batches[Symbol.iterator]();
  /** Written but not yet a chunk. */
  let text = (bom ? "\uFEFF" : "") + csvRecord(columns);
  /** Chunks ready for the reader, in order. */
  const ready: Buffer[] = [];

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        while (ready.length === 0) {
          const next = await source.next();
          if (next.done) {
            if (text) controller.enqueue(Buffer.from(text));
            controller.close();
            return;
          }
          for (const item of next.value) {
            for (const row of toRows(item)) {
              text += csvRecord(row);
              if (text.length >= CHUNK_CHARS) {
                ready.push(Buffer.from(text));
                text = "";
              }
            }
          }
        }
        controller.enqueue(ready.shift()!);
      },
      async cancel() {
        await source.return?.();
      },
    },
    // One chunk ahead of the reader, no more (besides the rest of the batch's chunks).
    { highWaterMark: 1 },
  );
}
