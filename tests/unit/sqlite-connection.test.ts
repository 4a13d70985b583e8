import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { createPrismaClient, isDatabaseBusyError } from "@/lib/database";
import { deployMigrations } from "../../scripts/migrate.mjs";

/**
 * The app's one connection (lib/sqlite.ts) against the two ways prisma/orm#29933 loses
 * acknowledged writes. Each test writes, then reads back through a second connection, as a
 * restarted server would.
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freshDatabase() {
  const dir = mkdtempSync(path.join(tmpdir(), "rollcall-sqlite-"));
  const file = path.join(dir, "test.db");
  await deployMigrations(file);
  const db = createPrismaClient(`file:${file}`);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => db.$disconnect());
  const other = () => {
    const connection = new Database(file);
    cleanups.push(() => void connection.close());
    return connection;
  };
  return { file, db, other };
}

const row = (key: string) => ({ data: { key, failures: 1, windowStartedAt: new Date() } });
const keysSeenBy = (connection: Database.Database) =>
  connection.prepare("SELECT key FROM SignInThrottle ORDER BY key").pluck().all() as string[];

describe("the app's SQLite connection", () => {
  it("keeps a write acknowledged while another request's transaction is open, when that transaction rolls back", async () => {
    const { db, other } = await freshDatabase();
    let outside: Promise<unknown> | undefined;
    const aborted = await db
      .$transaction(async (tx) => {
        await tx.signInThrottle.create(row("inside"));
        // Another request writes meanwhile; give it every chance to run on the connection.
        outside = db.signInThrottle.create(row("outside")).then(() => "acknowledged");
        for (let i = 0; i < 20; i++) {
          if ((await tx.signInThrottle.count({ where: { key: "outside" } })) > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        throw new Error("validation failed: roll back");
      })
      .catch((error: Error) => error.message);

    expect(aborted).toBe("validation failed: roll back");
    expect(await outside).toBe("acknowledged");
    expect(keysSeenBy(other())).toEqual(["outside"]);
  });

  it("does not leave a transaction open when COMMIT is refused with SQLITE_BUSY, so later writes are durable", async () => {
    const { db, other } = await freshDatabase();
    // Rollback-journal mode, where a reader's lock refuses COMMIT: the easiest way to provoke
    // the SQLITE_BUSY at COMMIT of prisma/orm#29933 (WAL makes it rare, not impossible).
    await db.$queryRawUnsafe("PRAGMA journal_mode = DELETE");
    await db.$queryRawUnsafe("PRAGMA busy_timeout = 100");
    const reader = other();

    const refused = await db
      .$transaction(async (tx) => {
        await tx.signInThrottle.create(row("refused"));
        reader.prepare("BEGIN").run();
        reader.prepare("SELECT count(*) FROM SignInThrottle").get(); // holds a shared lock
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    reader.prepare("COMMIT").run();
    expect(isDatabaseBusyError(refused)).toBe(true);

    // Writes acknowledged after the refused COMMIT, plain and in a transaction.
    await db.signInThrottle.create(row("after-1"));
    await db.$transaction(async (tx) => {
      await tx.signInThrottle.create(row("after-2"));
    });
    await db.$disconnect();
    expect(keysSeenBy(other())).toEqual(["after-1", "after-2"]);
  });

  it("takes the write lock when a transaction begins, waiting for another process's writer", async () => {
    const { file, db, other } = await freshDatabase();
    await db.signInThrottle.count(); // connected, in WAL mode
    // Another process (a CLI script, say) writes for 300 ms. better-sqlite3 waits synchronously,
    // so it has to be another process, as in production.
    const writer = spawn(
      process.execPath,
      [
        "-e",
        `const db = new (require("better-sqlite3"))(process.argv[1]);
         db.prepare("BEGIN IMMEDIATE").run();
         db.prepare("INSERT INTO SignInThrottle (key, failures, windowStartedAt) VALUES ('cli', 1, 0)").run();
         console.log("locked");
         setTimeout(() => { db.prepare("COMMIT").run(); db.close(); }, 300);`,
        file,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    const exited = once(writer, "exit");
    await once(writer.stdout!, "data");

    const started = Date.now();
    await db.$transaction(async (tx) => {
      // Reads first, then writes: with a deferred BEGIN this is where SQLITE_BUSY_SNAPSHOT
      // would fail the save, because the other process committed after the read.
      await tx.signInThrottle.count();
      await tx.signInThrottle.create(row("app"));
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    await exited;
    expect(keysSeenBy(other())).toEqual(["app", "cli"]);
  });
});
