import { Readable, finished, pipeline } from "node:stream";
import { stringify } from "csv-stringify";
import { neutraliseCell } from "./neutralise";

/** Bytes gathered before a chunk goes out: one write per row would be slow to send. */
const CHUNK_BYTES = 16 * 1024;

export type CsvStreamOptions = {
  /** Start with a UTF-8 byte-order mark, which Excel needs to read UTF-8. */
  bom?: boolean;
};

/**
 * Writes rows as RFC 4180 CSV (CRLF line ends, fields quoted where needed, quotes doubled),
 * UTF-8, header first, every text cell through `neutraliseCell`. Rows are pulled from `rows`
 * only as fast as the reader takes the bytes, so memory stays flat however many there are.
 * A failing source fails the stream (the reader sees an error, not a short file); cancelling
 * the stream closes the source (an async generator's `finally` has run when cancel resolves).
 */
export function csvStream(
  columns: readonly string[],
  rows: Iterable<string[]> | AsyncIterable<string[]>,
  { bom = false }: CsvStreamOptions = {},
): ReadableStream<Uint8Array> {
  const source = Readable.from(rows);
  const sourceClosed = new Promise<void>((resolve) => finished(source, () => resolve()));
  const stringifier = stringify({
    header: true,
    columns: [...columns],
    bom,
    record_delimiter: "\r\n",
    // With a custom record delimiter csv-stringify stops quoting a lone "\n" or "\r" inside
    // a field, which would split the row in every reader: keep quoting them.
    quote_record_delimiter: true,
    cast: { string: neutraliseCell },
  });
  const csv = pipeline(source, stringifier, () => {});
  const chunks: AsyncIterator<Buffer> = csv[Symbol.asyncIterator]();

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const parts: Buffer[] = [];
      let size = 0;
      while (size < CHUNK_BYTES) {
        const next = await chunks.next();
        if (next.done) {
          if (parts.length > 0) controller.enqueue(Buffer.concat(parts));
          controller.close();
          return;
        }
        parts.push(next.value);
        size += next.value.length;
      }
      controller.enqueue(Buffer.concat(parts));
    },
    async cancel() {
      await chunks.return?.();
      await sourceClosed;
    },
  });
}
