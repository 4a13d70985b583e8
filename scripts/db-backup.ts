/**
 * A consistent copy of the database, taken while the app serves reads and writes.
 *
 *   npm run db:backup                         data/backups/rollcall-<UTC time>.db
 *   npm run db:backup -- path/to/copy.db
 *
 * The database is DATABASE_URL (default file:./data/rollcall.db). SQLite's online backup
 * copies one snapshot: every save acknowledged before the backup began is in the copy.
 * `npm run db:restore -- <file>` puts a copy back.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import {
  copyDatabase,
  describeDatabase,
  formatBytes,
  sqliteFileFor,
  timestampedPath,
} from "./sqlite-files";

async function main() {
  const args = process.argv.slice(2);
  if (args.length > 1 || args[0]?.startsWith("-")) {
    throw new Error("Usage: npm run db:backup [-- <backup file>]");
  }
  const source = sqliteFileFor("db:backup");
  const dest = path.resolve(args[0] ?? timestampedPath("rollcall"));
  if (!fs.existsSync(source)) throw new Error(`No database at ${source}.`);
  if (fs.existsSync(dest)) throw new Error(`${dest} exists already; choose another name.`);

  const started = performance.now();
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma("busy_timeout = 10000");
    describeDatabase(db); // refuse what is not a Rollcall database
    await copyDatabase(db, dest);
  } finally {
    db.close();
  }
  const copy = new Database(dest, { readonly: true });
  const contents = describeDatabase(copy);
  copy.close();
  const ms = Math.round(performance.now() - started);
  console.log(
    `Backed up ${source}\n  to ${dest} (${formatBytes(fs.statSync(dest).size)}, ${contents}; integrity ok) in ${ms} ms.`,
  );
}

main().catch((error: Error) => {
  console.error(`db:backup: ${error.message}`);
  process.exit(1);
});
