/**
 * Everything that knows the database is PostgreSQL lives here: the pool and its session
 * settings, the client (generated from prisma/postgres/schema.prisma), transactions that
 * behave as SQLite's do, the bulk reader and PostgreSQL's busy errors. lib/sqlite.ts is the
 * same for SQLite; lib/database.ts picks one by DATABASE_URL.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { toDate, type BulkReader, type BulkReadOptions } from "./bulk-read";
import { redactUrl } from "./database-url.mjs";
import type { PrismaClient as SqliteShapedClient, Prisma } from "./generated/prisma/client";
import { PrismaClient } from "./generated/prisma-pg/client";

/** Connections per server process. Saves are short; two instances stay far below max_connections (100). */
const POOL_SIZE = 10;

/**
 * Session settings, the counterpart of SQLite's PRAGMAs. lock_timeout is the busy timeout: a
 * save waiting longer for a row another transaction holds gives up, and the editor is told the
 * database was busy. idle_in_transaction_session_timeout ends a transaction whose process
 * stopped answering, so its locks do not block every later save. UTC, so that a timestamp
 * written or read by hand means what Prisma's do (Prisma stores UTC in `timestamp(3)`).
 */
const SESSION_SETTINGS = {
  lock_timeout: 5_000,
  statement_timeout: 60_000,
  idle_in_transaction_session_timeout: 30_000,
  application_name: "rollcall",
  options: "-c TimeZone=UTC",
};

/** As for SQLite (lib/sqlite.ts): saves may queue for a pool connection under a burst. */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

/** How often a transaction that PostgreSQL ended for a deadlock or serialization failure runs again. */
const MAX_ATTEMPTS = 5;

/**
 * The pool configuration for `url`, the session settings included. A request waits at most
 * 10 s for a connection (pg's default is forever), so a server that cannot reach its database
 * answers with an error instead of hanging.
 */
function poolConfig(url: string, extra: pg.PoolConfig = {}): pg.PoolConfig {
  return {
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: 10_000,
    ...SESSION_SETTINGS,
    ...extra,
  };
}

/**
 * True for the errors PostgreSQL gives a transaction that may simply run again: a
 * serialization failure (40001) or a deadlock (40P01), which Prisma reports as P2034.
 */
export function isSerializationFailure(error: unknown): boolean {
  return errorCodes(error).some((code) => code === "P2034" || code === "40001" || code === "40P01");
}

/**
 * True for "another writer held the database too long; nothing was written, save again":
 * serialization failures left after the retries, a lock wait past lock_timeout (55P03), a
 * statement cancelled by statement_timeout (57014), and no pool connection or transaction in
 * time (P2024, P2028).
 */
export function isPostgresBusyError(error: unknown): boolean {
  return errorCodes(error).some((code) =>
    ["P2034", "P2024", "P2028", "40001", "40P01", "55P03", "57014"].includes(code),
  );
}

/**
 * Every code found on an error, its cause chain and Prisma's driver-adapter details
 * (`meta.driverAdapterError.cause.originalCode`): Prisma passes some PostgreSQL errors on as
 * its own code and others as the adapter's, with the SQLSTATE inside.
 */
function errorCodes(error: unknown, depth = 0): string[] {
  if (typeof error !== "object" || error === null || depth > 4) return [];
  const e = error as {
    code?: unknown;
    originalCode?: unknown;
    kind?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  const codes = [e.code, e.originalCode].filter((c): c is string => typeof c === "string");
  if (e.kind === "TransactionWriteConflict") codes.push("40001");
  return [
    ...codes,
    ...errorCodes(e.cause, depth + 1),
    ...errorCodes(e.meta?.driverAdapterError, depth + 1),
  ];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The advisory lock every interactive transaction takes first (any 64-bit number this
 * database uses for nothing else).
 */
const WRITE_LOCK = 0x726f6c6c63616c6cn; // "rollcall"

/**
 * The client, with interactive transactions run one at a time, as on SQLite, and run again
 * when PostgreSQL ends one for a deadlock or a serialization failure.
 *
 * SQLite runs one write transaction at a time (BEGIN IMMEDIATE), and the data layer's
 * transactions read, decide and write as if nobody else could write meanwhile (relocating a
 * source's citations, a revert's story steps). Each one here first takes a transaction-level
 * advisory lock, held until it commits or rolls back, across every instance on the database;
 * at READ COMMITTED each later statement then sees every save that finished before. (At
 * SERIALIZABLE without the lock, saves of different entries failed each other on the small,
 * busy tables and ran out of retries.) Waiting longer than lock_timeout for it is the busy
 * answer. Batch transactions (`$transaction([...])`) do not take it: their statements are
 * independent upserts that do not read what they decide on.
 */
function withSerialWrites(client: PrismaClient): PrismaClient {
  type Tx = { $executeRaw: PrismaClient["$executeRaw"] };
  type TransactionFn = (tx: Tx) => Promise<unknown>;
  const transaction = client.$transaction.bind(client) as (
    arg: unknown,
    options?: object,
  ) => Promise<unknown>;
  const serial = async (fn: TransactionFn, options?: object) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await transaction(async (tx: Tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`;
          return fn(tx);
        }, options);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isSerializationFailure(error)) throw error;
        // Spread the retries so that two transactions that collided do not collide again.
        await sleep(Math.random() * 20 * attempt);
      }
    }
  };
  return new Proxy(client, {
    get(target, property) {
      if (property === "$transaction") {
        return (arg: unknown, options?: object) =>
          typeof arg === "function"
            ? serial(arg as TransactionFn, options)
            : transaction(arg, options);
      }
      return Reflect.get(target, property, target);
    },
  });
}

/**
 * A client on the PostgreSQL database of `url`. Typed as the SQLite client: both are
 * generated from the same models (scripts/postgres-schema.mjs), and the data layer uses
 * nothing that only one provider has.
 */
export function createPostgresClient(url: string): SqliteShapedClient {
  const adapter = new PrismaPg(poolConfig(url), {
    onPoolError: (error) => console.error(`PostgreSQL pool (${redactUrl(url)}): ${error.message}`),
  });
  const client = new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
  return withSerialWrites(client) as unknown as SqliteShapedClient;
}

/** `timestamp` text as PostgreSQL writes it ("2026-11-01 09:30:00.123"), read as UTC. */
function parseTimestamp(value: string): Date {
  return toDate(`${value.replace(" ", "T")}Z`);
}

/** `timestamptz` text ("2026-11-01 09:30:00.123+00", "+05:30"), with its offset. */
function parseTimestampTz(value: string): Date {
  return toDate(value.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00"));
}

const TYPE_PARSERS: Record<number, (value: string) => unknown> = {
  1114: parseTimestamp, // timestamp: Prisma's DateTime
  1184: parseTimestampTz, // timestamptz
  1082: (value) => toDate(value), // date: midnight UTC, as Date.parse reads a bare date
};

const types = {
  getTypeParser(oid: number, format?: string) {
    return TYPE_PARSERS[oid] ?? pg.types.getTypeParser(oid, format as "text");
  },
} as pg.CustomTypesConfig;

/** The same, with the date and time types as `Date#toISOString` text (BulkReadOptions). */
const isoTypes = {
  getTypeParser(oid: number, format?: string) {
    const parse = TYPE_PARSERS[oid];
    return parse
      ? (value: string) => (parse(value) as Date).toISOString()
      : pg.types.getTypeParser(oid, format as "text");
  },
} as pg.CustomTypesConfig;

/** A bound value as the adapter binds it: Dates as UTC text (the session is in UTC). */
function bindValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * A BulkReader on the PostgreSQL database of `url`, with a small pool of its own opened at the
 * first read. Each call is one statement with `$1` placeholders (`Prisma.Sql#text`): the
 * exports read keyset batches of a few hundred rows, so memory stays flat without a cursor,
 * and no connection is held between batches.
 */
export function createPostgresBulkReader(url: string): BulkReader {
  let pool: pg.Pool | null = null;
  const open = () => {
    if (!pool) {
      pool = new pg.Pool(poolConfig(url, { max: 2, types }));
      pool.on("error", (error) => console.error(`PostgreSQL bulk reader: ${error.message}`));
    }
    return pool;
  };
  return {
    async all<T>(query: Prisma.Sql, options: BulkReadOptions = {}): Promise<T[]> {
      const result = await open().query({
        text: query.text,
        values: query.values.map(bindValue),
        ...(options.isoDates ? { types: isoTypes } : {}),
      });
      return result.rows as T[];
    },
    close() {
      void pool?.end();
      pool = null;
    },
  };
}
