import {
  LONG_COLUMNS,
  WIDE_COLUMNS,
  exportFilename,
  exportNameParts,
  longRows,
  wideRow,
} from "@/lib/csv/attendance-rows";
import { csvStream } from "@/lib/csv/stream";
import type { ExportEntryDTO } from "@/lib/data/export";
import type { AttendanceQuery } from "@/lib/validation/attendance-query";
import type { ExportOptions } from "@/lib/validation/export";

type Batches<T> = Iterable<T[]> | AsyncIterable<T[]>;

/**
 * The attachment response of an attendance export, streamed as `batches` yields its batches
 * of entries. `name` and what `query` and the options select go into the filename; `origin`
 * makes the entries' page URLs absolute.
 */
export function attendanceCsvResponse(
  batches: Batches<ExportEntryDTO>,
  {
    format,
    bom,
    origin,
    name,
    query,
  }: ExportOptions & { origin: string; name: string; query: Partial<AttendanceQuery> },
): Response {
  const body =
    format === "long"
      ? csvStream(LONG_COLUMNS, batches, longRows, { bom })
      : csvStream(WIDE_COLUMNS, batches, (entry) => [wideRow(entry, origin)], { bom });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFilename([name, ...exportNameParts(query, { format, bom })].join("-"), new Date())}"`,
      // Live data, and the entries' URLs follow the Host the reader used: never cache it.
      // no-transform: Next sends it as written. Its compression flushes zlib after every chunk
      // it writes, so zlib and the reads take turns, and a whole-site export took longer to
      // compress than to write (docs/benchmark.md); nginx in front gzips it in its own
      // processes (deploy/nginx.conf, docs/operations.md).
      "Cache-Control": "no-store, no-transform",
    },
  });
}

export function textError(status: number, message: string): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
