import type { Prisma } from "./generated/prisma/client";

/**
 * Reads of many rows, for the exports, without Prisma. `$queryRaw` makes its DateTimes with
 * the global Date, which in a Next server costs each one a map in the old generation (see
 * toDate), and takes each row through the driver adapter and the query engine's conversions,
 * several awaits apart, long enough for rows to be moved to the old generation too; V8 lets
 * that grow to several times what is live before it collects it.
 *
 * Each database gives one (lib/sqlite.ts, lib/postgres.ts); lib/database.ts picks it. A caller
 * reads a few hundred rows a statement (keyset batches), so memory stays flat on both.
 */
export type BulkReader = {
  /**
   * The rows of `query` (built with `Prisma.sql`), as objects keyed by column name, with
   * DateTime columns as Dates and Boolean columns as booleans, as `$queryRaw` gives them.
   * Integer columns are numbers; a computed column (no declared type) comes as the driver
   * gives it. With `isoDates`, DateTime columns come as the text `Date#toISOString` would
   * write for them instead (see BulkReadOptions).
   */
  all<T>(query: Prisma.Sql, options?: BulkReadOptions): Promise<T[]>;
  close(): void;
};

export type BulkReadOptions = {
  /**
   * DateTime columns as ISO 8601 text in UTC with milliseconds ("2026-11-01T09:30:00.000Z"),
   * exactly as `Date#toISOString` writes them: for reads that only write their dates out, as
   * the CSV export does, a Date made and turned back into text for every value of every row
   * is most of the reading's own work.
   */
  isoDates?: boolean;
};

const EPOCH = new Date(0);

/**
 * `new Date(value)`, but made by copying a Date. In a Next server the global Date is Next's
 * wrapper (one of its Node environment extensions), and V8 gives each Date
 * constructed through it a map of its own in the old generation: a read of many rows makes a
 * Date for every date of every row, and the server grew by all their maps (docs/benchmark.md
 * has the export's peak memory).
 */
export function toDate(value: string | number): Date {
  const date = structuredClone(EPOCH);
  date.setTime(typeof value === "number" ? value : Date.parse(value));
  return date;
}
