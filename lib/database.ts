/**
 * The one place that chooses the database: DATABASE_URL `file:…` is SQLite (lib/sqlite.ts),
 * `postgresql://…` is PostgreSQL (lib/postgres.ts). Everything else (the data layer, the
 * scripts, the tests) asks here and does not know which it got.
 */
import { databaseProvider, databaseUrl, resolveSqliteFile } from "./database-url.mjs";
import type { BulkReader } from "./bulk-read";
import type { PrismaClient } from "./generated/prisma/client";
import { createPostgresBulkReader, createPostgresClient, isPostgresBusyError } from "./postgres";
import { createSqliteBulkReader, createSqliteClient, isSqliteBusyError } from "./sqlite";

export type { BulkReader } from "./bulk-read";
export { databaseProvider } from "./database-url.mjs";

/** A client on the database of `url` (default DATABASE_URL, then file:./data/rollcall.db). */
export function createPrismaClient(url?: string): PrismaClient {
  const value = databaseUrl(url);
  return databaseProvider(value) === "postgresql"
    ? createPostgresClient(value)
    : createSqliteClient(value);
}

/** The exports' reader of many rows (see BulkReader) on the database of `url`. */
export function createBulkReader(url?: string): BulkReader {
  const value = databaseUrl(url);
  return databaseProvider(value) === "postgresql"
    ? createPostgresBulkReader(value)
    : createSqliteBulkReader(value);
}

/**
 * True for the errors that mean "the database was too busy to take this save; nothing was
 * written, the same save can be tried again": SQLITE_BUSY past the busy timeout, PostgreSQL's
 * serialization failures and deadlocks left after the retries, lock waits past lock_timeout,
 * and a transaction that could not start in time.
 */
export function isDatabaseBusyError(error: unknown): boolean {
  return isSqliteBusyError(error) || isPostgresBusyError(error);
}

/**
 * Where the database is, as the page cache tells databases apart
 * (lib/data/database-identity.ts): a SQLite file's absolute path, or a PostgreSQL server and
 * database name (never its password).
 */
export function databaseLocation(url?: string): string {
  const value = databaseUrl(url);
  if (databaseProvider(value) === "sqlite") return `sqlite:${resolveSqliteFile(value)}`;
  const parsed = new URL(value);
  const host = parsed.searchParams.get("host") ?? parsed.hostname;
  return `postgresql:${host}:${parsed.port || "5432"}${parsed.pathname}`;
}
