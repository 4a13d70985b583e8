// @ts-check
/**
 * What DATABASE_URL names, read one way by the app (lib/database.ts) and by the scripts
 * (scripts/migrate.mjs, backups, the benchmark): plain JavaScript, so that node runs it without
 * a TypeScript loader.
 *
 *   file:./data/rollcall.db                           SQLite; a relative path is relative to
 *                                                     the project folder, wherever the process
 *                                                     was started
 *   postgresql://user:pass@host:5432/rollcall          PostgreSQL (postgres:// too)
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project folder: the parent of this file's folder. On a Next server import.meta.url is
 * still this source file's own URL (Turbopack computes it from where the build sits), so the
 * server and the scripts agree even when started from another working directory.
 */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const DEFAULT_DATABASE_URL = "file:./data/rollcall.db";

export class DatabaseUrlError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "DatabaseUrlError";
  }
}

/**
 * DATABASE_URL, or the default when it is unset or blank.
 * @param {string | undefined} [url]
 */
export function databaseUrl(url = process.env.DATABASE_URL) {
  return (url ?? "").trim() || DEFAULT_DATABASE_URL;
}

/**
 * Which database `url` names. Throws a DatabaseUrlError saying what is accepted otherwise.
 * @param {string | undefined} [url]
 * @returns {"sqlite" | "postgresql"}
 */
export function databaseProvider(url) {
  const value = databaseUrl(url);
  if (/^postgres(ql)?:\/\//i.test(value)) return "postgresql";
  if (value.startsWith("file:")) return "sqlite";
  throw new DatabaseUrlError(
    `DATABASE_URL must be a SQLite file (file:./data/rollcall.db) or a PostgreSQL URL ` +
      `(postgresql://user:password@host:5432/rollcall), got "${redactUrl(value)}".`,
  );
}

/**
 * Absolute path of the SQLite file a `file:` URL names: the one path rule. A relative path is
 * relative to the project folder; `file:///abs/path` and `file:/abs/path` are absolute; a
 * `?query` is ignored. Throws a DatabaseUrlError for anything else, PostgreSQL included.
 * @param {string | undefined} [url]
 * @returns {string}
 */
export function resolveSqliteFile(url) {
  const value = databaseUrl(url);
  if (databaseProvider(value) !== "sqlite") {
    throw new DatabaseUrlError(
      `DATABASE_URL names a PostgreSQL database (${redactUrl(value)}); this needs a SQLite file.`,
    );
  }
  const query = value.indexOf("?");
  const bare = query === -1 ? value : value.slice(0, query);
  let file = bare.slice("file:".length);
  if (file.startsWith("//")) file = fileURLToPath(bare);
  if (!file || file === ":memory:") {
    throw new DatabaseUrlError(`DATABASE_URL must name a database file, got "${value}".`);
  }
  return path.resolve(/*turbopackIgnore: true*/ PROJECT_ROOT, file);
}

/**
 * Where the app keeps its own files (the generated session secret): beside the SQLite file,
 * or data/ in the project folder for PostgreSQL.
 * @param {string | undefined} [url]
 */
export function dataDirectory(url) {
  return databaseProvider(url) === "sqlite"
    ? path.dirname(resolveSqliteFile(url))
    : path.join(PROJECT_ROOT, "data");
}

/**
 * `url` without its password, for messages and logs.
 * @param {string} url
 */
export function redactUrl(url) {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*):[^@/?#]*@/i, "$1:***@");
}

/**
 * Creates the SQLite file `file` readable by its owner only (0600), if it does not exist yet:
 * it holds session tokens and password hashes. SQLite gives the -wal and -shm files it creates
 * beside a database the database file's mode. An existing file is left as it is.
 * @param {string} file
 */
export function createPrivateDatabaseFile(file) {
  fs.mkdirSync(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true });
  try {
    fs.closeSync(fs.openSync(/*turbopackIgnore: true*/ file, "wx", 0o600));
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EEXIST") throw error;
  }
}
