/**
 * Whole-file operations on the SQLite database, for db:backup and db:restore.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import {
  createPrivateDatabaseFile,
  databaseProvider,
  PROJECT_ROOT,
  resolveSqliteFile,
} from "../lib/database-url.mjs";

/**
 * The SQLite file of DATABASE_URL. On PostgreSQL, throws what to use instead: the server's
 * own tools take a consistent dump while the app serves, and put it back.
 */
export function sqliteFileFor(command: "db:backup" | "db:restore") {
  if (databaseProvider() === "postgresql") {
    throw new Error(
      command === "db:backup"
        ? "DATABASE_URL is a PostgreSQL database: db:backup copies SQLite files only. Use " +
            'PostgreSQL\'s own, which reads one consistent snapshot while the app serves:\n  pg_dump --format=custom --file=rollcall.dump "$DATABASE_URL"'
        : "DATABASE_URL is a PostgreSQL database: db:restore puts back SQLite files only. Stop " +
            "the app, then use PostgreSQL's own:\n  pg_restore --clean --if-exists --no-owner " +
            '--dbname="$DATABASE_URL" rollcall.dump',
    );
  }
  return resolveSqliteFile();
}

export const BACKUP_DIR = path.join(PROJECT_ROOT, "data", "backups");

/** data/backups/<prefix>-20261127T081500Z.db */
export function timestampedPath(prefix: string) {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return path.join(BACKUP_DIR, `${prefix}-${stamp}.db`);
}

/** Makes the online backup copy every remaining page in one step (see copyDatabase). */
const ALL_PAGES = 0x7fffffff;

/**
 * Copies an open (even busy) database to `dest` with SQLite's online backup, which reads one
 * consistent snapshot, the WAL included. All pages go in one step: in steps, another
 * connection's write between two steps restarts the copy, which under steady writes may never
 * end. The copy is made self-contained (rollback journal, no -wal beside it) and checked.
 */
export async function copyDatabase(source: Database.Database, dest: string) {
  const partial = `${dest}.partial`;
  fs.rmSync(partial, { force: true });
  // A copy holds what the database holds (session tokens, password hashes): owner only.
  createPrivateDatabaseFile(partial);
  await source.backup(partial, { progress: () => ALL_PAGES });
  const copy = new Database(partial);
  try {
    copy.pragma("journal_mode = DELETE");
    const problems = integrityProblems(copy);
    if (problems) throw new Error(`The copy failed its integrity check: ${problems}`);
  } finally {
    copy.close();
  }
  fsyncFile(partial);
  fs.renameSync(partial, dest);
  fsyncFile(path.dirname(dest));
}

/** null when `PRAGMA integrity_check` says ok, else what it says. */
export function integrityProblems(db: Database.Database): string | null {
  const rows = db.pragma("integrity_check", { simple: false }) as { integrity_check: string }[];
  const result = rows.map((r) => r.integrity_check).join("; ");
  return result === "ok" ? null : result;
}

export function fsyncFile(file: string) {
  const fd = fs.openSync(file, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** What a database holds, in a line. Throws when it is not a Rollcall database. */
export function describeDatabase(db: Database.Database) {
  const count = (table: string) => db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get();
  try {
    return `${count("Event")} events, ${count("Attendance")} entries, ${count("Source")} sources, ${count("Revision")} revisions`;
  } catch (error) {
    throw new Error(`This is not a Rollcall database (${(error as Error).message}).`);
  }
}

export function formatBytes(bytes: number) {
  return bytes < 1024 * 1024
    ? `${(bytes / 1024).toFixed(0)} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
