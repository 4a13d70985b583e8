/**
 * Everything that knows the database is SQLite lives here: the driver adapter, the
 * per-connection PRAGMAs, the one serialised connection, the bulk reader and SQLite's busy
 * errors. lib/postgres.ts is the same for PostgreSQL; lib/database.ts picks one by
 * DATABASE_URL, and the data layer does not know which.
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import type {
  SqlDriverAdapter,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { createPrivateDatabaseFile, resolveSqliteFile } from "./database-url.mjs";
import { toDate, type BulkReader, type BulkReadOptions } from "./bulk-read";
import { PrismaClient, type Prisma } from "./generated/prisma/client";

/** Milliseconds a writer waits for another connection's lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5_000;

/**
 * How long a transaction may wait for its turn on the connection, and then run. Saves queue
 * behind each other (see SerializedConnection), and BEGIN IMMEDIATE may itself wait up to
 * BUSY_TIMEOUT_MS for another process: Prisma's default (2 s) would turn a burst of saves
 * into errors.
 */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

/**
 * WAL lets readers (a backup, a CLI script) run beside the writer, so COMMIT is not refused
 * while someone reads: the trigger of prisma/orm#29933.
 * synchronous=FULL, not WAL's usual NORMAL: NORMAL may lose the last commits if the machine
 * (not just the process) loses power, and a save the editor saw succeed must still be there.
 * It costs one fsync per commit, which an editorial workload can afford.
 */
const CONNECTION_PRAGMAS = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA synchronous = FULL",
  "PRAGMA foreign_keys = ON",
  `PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`,
].join(";\n");

/**
 * SQLite (3.32+, as better-sqlite3 builds it) takes 32,766 bound values per statement. The
 * adapter does not say so, and Prisma then assumes 999 and refuses a relation load over more
 * rows (P2029), e.g. an event with 1,000 entries.
 */
const MAX_BIND_VALUES = 32_766;

/** A FIFO lock: `acquire` resolves with the function that releases it (once). */
class Lock {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const turn = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => held);
    return turn;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

const sql = (text: string): SqlQuery => ({ sql: text, args: [], argTypes: [] });

/**
 * The adapter's one better-sqlite3 connection, one user at a time.
 *
 * The adapter locks only its interactive transactions: while one request's transaction awaits
 * between statements, another request's plain statement runs on the same connection, inside
 * that transaction, and is lost, though already acknowledged, if the transaction rolls back.
 * And when COMMIT fails (SQLITE_BUSY), the adapter unlocks without a ROLLBACK: SQLite keeps the
 * transaction open and every later write joins it, never to be committed (prisma/orm#29933).
 * Here every statement waits for the open transaction to end; transactions begin IMMEDIATE
 * (the write lock first, so a write cannot fail halfway when another process has written);
 * and a transaction that did not end with a successful COMMIT or ROLLBACK is rolled back.
 */
class SerializedConnection implements SqlDriverAdapter {
  readonly provider: SqlDriverAdapter["provider"];
  readonly adapterName: string;
  readonly getConnectionInfo: SqlDriverAdapter["getConnectionInfo"];
  readonly #lock = new Lock();

  constructor(private readonly inner: SqlDriverAdapter) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
    this.getConnectionInfo = inner.getConnectionInfo?.bind(inner);
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.#lock.run(() => this.inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.#lock.run(() => this.inner.executeRaw(query));
  }

  executeScript(script: string): Promise<void> {
    return this.#lock.run(() => this.inner.executeScript(script));
  }

  async startTransaction(): Promise<Transaction> {
    const release = await this.#lock.acquire();
    try {
      await this.inner.executeRaw(sql("BEGIN IMMEDIATE"));
    } catch (error) {
      release();
      throw error;
    }
    return new SerializedTransaction(this.inner, release);
  }

  dispose(): Promise<void> {
    return this.#lock.run(() => this.inner.dispose());
  }
}

class SerializedTransaction implements Transaction {
  readonly options = { usePhantomQuery: false };
  readonly provider: Transaction["provider"];
  readonly adapterName: string;
  #open = true;

  constructor(
    private readonly connection: SqlDriverAdapter,
    private readonly release: () => void,
  ) {
    this.provider = connection.provider;
    this.adapterName = connection.adapterName;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.connection.queryRaw(query);
  }

  async executeRaw(query: SqlQuery): Promise<number> {
    const changes = await this.connection.executeRaw(query);
    // Prisma ends the transaction with these statements, then calls commit() or rollback().
    if (/^\s*(COMMIT|ROLLBACK)\s*;?\s*$/i.test(query.sql)) this.#open = false;
    return changes;
  }

  /** Called after a successful COMMIT. If there was none, nothing is acknowledged as saved. */
  async commit(): Promise<void> {
    const wasOpen = this.#open;
    await this.#end();
    if (wasOpen) throw new Error("The transaction was rolled back: it was never committed.");
  }

  /** Called after ROLLBACK, and after a failed COMMIT (which leaves SQLite's transaction open). */
  rollback(): Promise<void> {
    return this.#end();
  }

  async #end() {
    try {
      if (this.#open) {
        this.#open = false;
        // "no transaction is active" when SQLite already rolled back (an I/O error): fine.
        await this.connection.executeRaw(sql("ROLLBACK")).catch(() => undefined);
      }
    } finally {
      this.release();
    }
  }

  async createSavepoint(name: string) {
    await this.connection.executeRaw(sql(`SAVEPOINT ${name}`));
  }

  async rollbackToSavepoint(name: string) {
    await this.connection.executeRaw(sql(`ROLLBACK TO ${name}`));
  }

  async releaseSavepoint(name: string) {
    await this.connection.executeRaw(sql(`RELEASE SAVEPOINT ${name}`));
  }
}

class SqliteAdapterFactory extends PrismaBetterSqlite3 {
  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await super.connect();
    await adapter.executeScript(CONNECTION_PRAGMAS);
    const info = adapter.getConnectionInfo?.() ?? { supportsRelationJoins: false };
    adapter.getConnectionInfo = () => ({ ...info, maxBindValues: MAX_BIND_VALUES });
    return new SerializedConnection(adapter);
  }
}

/** A client on the SQLite file of `url` (default DATABASE_URL; see resolveSqliteFile). */
export function createSqliteClient(url?: string) {
  const file = resolveSqliteFile(url);
  createPrivateDatabaseFile(file);
  const adapter = new SqliteAdapterFactory({ url: file, timeout: BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
}

/** How a column of the declared SQLite type is converted, if it is. */
function columnConversion(
  declaredType: string | null,
  { isoDates = false }: BulkReadOptions,
): ((value: unknown) => unknown) | null {
  switch (declaredType?.toUpperCase()) {
    case "DATETIME":
    case "TIMESTAMP":
      // Prisma stores ISO text (or milliseconds, with timestampFormat unixepoch-ms).
      return isoDates
        ? (value) => (value === null ? null : isoDateTimeText(value as string | number))
        : (value) => (value === null ? null : toDate(value as string | number));
    case "BOOLEAN":
      return (value) => (value === null ? null : value !== 0);
    default:
      return null;
  }
}

/** A DateTime as Prisma writes it on SQLite ("2026-11-01T09:30:00.123+00:00"), or with Z. */
const PRISMA_DATETIME = /^\d{4}-\d\d-\d\dT(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}(?:\+00:00|Z)$/;

/**
 * `toDate(value).toISOString()`, without the Date for the text Prisma writes: that is the same
 * instant in UTC, so its ISO text is the stored text with `Z` for `+00:00`, provided its day
 * exists (Date.parse reads 30 February as 2 March). Anything else goes through a Date.
 */
function isoDateTimeText(value: string | number): string {
  if (typeof value === "string" && PRISMA_DATETIME.test(value) && isCalendarDay(value)) {
    return value.length === 24 ? value : `${value.slice(0, 23)}Z`;
  }
  return toDate(value).toISOString();
}

/** Whether the YYYY-MM-DD at the start of `text` is a day of the (proleptic) Gregorian calendar. */
function isCalendarDay(text: string): boolean {
  const month = digitAt(text, 5) * 10 + digitAt(text, 6);
  const day = digitAt(text, 8) * 10 + digitAt(text, 9);
  if (month < 1 || month > 12 || day < 1) return false;
  if (day <= 28) return true;
  if (month !== 2)
    return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
  const year =
    digitAt(text, 0) * 1000 + digitAt(text, 1) * 100 + digitAt(text, 2) * 10 + digitAt(text, 3);
  return day === 29 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const digitAt = (text: string, at: number) => text.charCodeAt(at) - 48;

/**
 * The function that makes a statement's row objects from the driver's arrays of cells,
 * compiled from its columns. An object given its properties one computed name at a time
 * becomes a dictionary in V8, slow to make and slow to read, and an export makes one for every
 * row; an object literal gets a fixed shape. The names are the statement's own column names,
 * written as string literals (JSON), so no name can be read as code.
 */
function rowMaker(
  columns: Database.ColumnDefinition[],
  options: BulkReadOptions,
): (cells: unknown[]) => unknown {
  const conversions = columns.map((column) => columnConversion(column.type, options));
  const properties = columns.map(
    (column, i) =>
      `${JSON.stringify(column.name)}: ${conversions[i] ? `convert[${i}](cells[${i}])` : `cells[${i}]`}`,
  );
  const make = new Function("convert", `return (cells) => ({ ${properties.join(", ")} });`);
  return make(conversions) as (cells: unknown[]) => unknown;
}

/** A bound value as the driver adapter would bind it. */
function bindValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/**
 * A BulkReader on the SQLite file of `url`, opened at its first read. It runs each statement
 * on a read-only connection of its own (outside the SerializedConnection lock: it never
 * writes); a statement reads one snapshot (WAL) while writes go on. It blocks the event loop
 * while it runs, so a caller reads a few hundred rows at a time, each read short.
 * Statements take SQLite's `?` placeholders (`Prisma.Sql#sql`).
 */
export function createSqliteBulkReader(url?: string): BulkReader {
  const file = resolveSqliteFile(url);
  let connection: Database.Database | null = null;
  const open = () => {
    connection ??= new Database(file, {
      readonly: true,
      fileMustExist: true,
      timeout: BUSY_TIMEOUT_MS,
    });
    return connection;
  };
  // An export runs the same statement for every batch: it is prepared once, not per batch,
  // with the function that makes its rows (one for Dates, one for ISO text).
  type Prepared = {
    statement: Database.Statement<unknown[], unknown[]>;
    makeRow: { dates?: (cells: unknown[]) => unknown; iso?: (cells: unknown[]) => unknown };
  };
  const statements = new Map<string, Prepared>();
  const prepare = (sql: string) => {
    let prepared = statements.get(sql);
    if (!prepared) {
      if (statements.size >= 32) statements.clear();
      // Arrays from the driver, made objects by rowMaker: better-sqlite3 builds objects slowly.
      prepared = { statement: open().prepare<unknown[], unknown[]>(sql).raw(), makeRow: {} };
      statements.set(sql, prepared);
    }
    return prepared;
  };
  return {
    async all<T>(query: Prisma.Sql, options: BulkReadOptions = {}): Promise<T[]> {
      const { statement, makeRow } = prepare(query.sql);
      const kind = options.isoDates ? "iso" : "dates";
      const make = (makeRow[kind] ??= rowMaker(statement.columns(), options));
      return statement.all(...query.values.map(bindValue)).map(make) as T[];
    },
    close() {
      statements.clear();
      connection?.close();
      connection = null;
    },
  };
}

/**
 * True for the errors that mean "another writer held the database too long": SQLITE_BUSY
 * (Prisma P1008) and a transaction that could not start in time (P2028). Nothing was written;
 * the same save can simply be tried again.
 */
export function isSqliteBusyError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (code === "P1008" || code === "P2028") return true;
  // A failed COMMIT reaches the caller as the adapter's own error.
  const kind = (cause as { kind?: unknown } | undefined)?.kind;
  if (kind === "SocketTimeout") return true;
  return typeof message === "string" && /SQLITE_BUSY|database is locked/i.test(message);
}
