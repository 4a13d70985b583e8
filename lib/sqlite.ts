/**
 * Everything that knows the database is SQLite lives here: the driver adapter, the file path
 * and the per-connection PRAGMAs. A PostgreSQL deployment replaces this file (and the
 * datasource provider in prisma/schema.prisma); the data layer does not change.
 */
import path from "node:path";
import fs from "node:fs";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "./generated/prisma/client";

export const DEFAULT_DATABASE_URL = "file:./data/rollcall.db";

/** Milliseconds a writer waits for another connection's lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5_000;

/**
 * WAL lets readers (a backup, a CLI script) run beside the writer, so COMMIT is not refused
 * while someone reads: the trigger of prisma/orm#29933. synchronous=FULL makes every
 * acknowledged commit durable across a crash of the process or the machine, at the cost of
 * one fsync per commit, which an editorial workload can afford.
 */
const CONNECTION_PRAGMAS = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA synchronous = FULL",
  "PRAGMA foreign_keys = ON",
  `PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`,
].join(";\n");

/** Resolves a `file:` URL (relative to the working directory, like the adapter) to a path. */
export function resolveDatabaseFile(
  url: string = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
) {
  const file = url.replace(/^file:/, "").split("?")[0] ?? "";
  if (!file) throw new Error(`DATABASE_URL must look like file:./data/rollcall.db, got "${url}"`);
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}

/**
 * SQLite (3.32+, as better-sqlite3 builds it) takes 32,766 bound values per statement. The
 * adapter does not say so, and Prisma then assumes 999 and refuses a relation load over more
 * rows (P2029), e.g. an event with 1,000 entries.
 */
const MAX_BIND_VALUES = 32_766;

class SqliteAdapterFactory extends PrismaBetterSqlite3 {
  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await super.connect();
    await adapter.executeScript(CONNECTION_PRAGMAS);
    const info = adapter.getConnectionInfo?.() ?? { supportsRelationJoins: false };
    adapter.getConnectionInfo = () => ({ ...info, maxBindValues: MAX_BIND_VALUES });
    return adapter;
  }
}

export function createPrismaClient(url?: string) {
  const file = resolveDatabaseFile(url);
  fs.mkdirSync(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true });
  const adapter = new SqliteAdapterFactory({ url: file, timeout: BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter });
}
