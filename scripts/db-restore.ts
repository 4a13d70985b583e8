/**
 * Puts a backup (from `npm run db:backup`) in place of the database.
 *
 *   npm run db:restore -- data/backups/rollcall-20261127T081500Z.db
 *
 * Stop the server first. Replacing the file under a running server is unsafe: it keeps
 * writing through its open connection and its -wal file, which belong to the old database,
 * so saves would be lost or the restored file corrupted. The restore refuses while any
 * process has the database open.
 * Before anything is touched the backup must pass SQLite's integrity check and be a Rollcall
 * database. The database it replaces is first copied to data/backups/replaced-<time>.db.
 * The restored database gets a new identity, so the server serves none of the pages it cached
 * from what the file held before (lib/data/database-identity.ts).
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { renewDatabaseIdentity } from "../lib/data/database-identity";
import { createPrismaClient } from "../lib/database";
import {
  copyDatabase,
  describeDatabase,
  fsyncFile,
  integrityProblems,
  timestampedPath,
  sqliteFileFor,
} from "./sqlite-files";

/**
 * Opens the database so that no other process can use it until closed, or throws. In WAL
 * mode every open connection holds a shared lock on the file, so an exclusive lock is refused
 * while a server has the database open.
 */
function openExclusively(file: string) {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 0");
    db.pragma("locking_mode = EXCLUSIVE");
    db.prepare("BEGIN EXCLUSIVE").run();
    db.prepare("SELECT count(*) FROM sqlite_master").get();
    db.prepare("COMMIT").run(); // the lock stays: locking_mode is EXCLUSIVE
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY")) {
      throw new Error(
        `${file} is in use by another process (is the server running?). Stop it, then restore.`,
      );
    }
    throw error;
  }
}

async function main() {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0]!.startsWith("-")) {
    throw new Error("Usage: npm run db:restore -- <backup file>");
  }
  const backup = path.resolve(args[0]!);
  const target = sqliteFileFor("db:restore");
  if (path.resolve(backup) === target) throw new Error("That is the database itself.");

  // 1. The backup must be sound before anything is touched.
  if (!fs.existsSync(backup)) throw new Error(`No backup at ${backup}.`);
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  let contents: string;
  try {
    const problems = integrityProblems(source);
    if (problems) throw new Error(`${backup} fails SQLite's integrity check: ${problems}`);
    contents = describeDatabase(source);
  } finally {
    source.close();
  }

  // 2. No one else may have the database open; keep a copy of what it holds now.
  let replaced: string | null = null;
  if (fs.existsSync(target)) {
    const current = openExclusively(target);
    try {
      replaced = timestampedPath("replaced");
      await copyDatabase(current, replaced);
    } finally {
      current.close();
    }
  }

  // 3. Write the backup beside the database, then swap it in. The old -wal and -shm go
  //    first: SQLite would replay that journal onto the restored file.
  const incoming = `${target}.restoring`;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(backup, incoming);
  fs.chmodSync(incoming, 0o600); // session tokens and password hashes: owner only
  fsyncFile(incoming);
  for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(target + suffix, { force: true });
  fs.renameSync(incoming, target);
  fsyncFile(path.dirname(target));

  const restored = new Database(target, { readonly: true });
  const problems = integrityProblems(restored);
  restored.close();
  if (problems) throw new Error(`The restored database fails its integrity check: ${problems}`);

  // 4. Pages cached from the replaced contents must not be served for the restored ones.
  const prisma = createPrismaClient(`file:${target}`);
  try {
    await renewDatabaseIdentity(prisma);
  } catch (error) {
    // A backup from before identities existed: the server's start migrates it and gives it
    // a new one, which is as good.
    if ((error as { code?: string }).code !== "P2021") throw error;
  } finally {
    await prisma.$disconnect();
  }
  console.log(`Restored ${target} from ${backup} (${contents}; integrity ok).`);
  if (replaced) console.log(`The database it replaced is kept at ${replaced}.`);
}

main().catch((error: Error) => {
  console.error(`db:restore: ${error.message}`);
  process.exit(1);
});
