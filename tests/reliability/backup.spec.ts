import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { SERVER_ACTIONS } from "./registry";
import { SAMPLE_TEXT, databaseHash, openDatabase } from "./db";
import { callAction, signIn } from "./http";
import { RELIABILITY_DIR, ROOT, editors } from "./paths";
import { AppServer, removeDatabase } from "./server";

/**
 * Backups that restore (docs/operations.md, "Backups"): `npm run db:backup` while editors save,
 * then `npm run db:restore` into a fresh database, which must hold every save acknowledged before
 * the backup began. A restore under a running server is refused; after it stops, the restore keeps
 * a copy of the database it replaces.
 */
let server: AppServer;

test.beforeAll(async () => {
  server = await AppServer.start("backup");
});
test.afterAll(async () => {
  await server?.stop();
});

/** Runs an npm script as a person would; resolves with its exit code and output. */
function npm(args: string[], databaseFile: string) {
  return new Promise<{ code: number; output: string }>((resolve) => {
    const child = spawn("npm", ["run", "--silent", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => resolve({ code: code ?? 1, output: output.trim() }));
  });
}

const createSource = SERVER_ACTIONS.find((a) => a.exportName === "createSourceAction")!;
const titles = (file: string) => {
  const db = openDatabase(file, { readonly: true });
  try {
    return new Set(
      db.prepare("SELECT title FROM Source WHERE title LIKE 'Backup %'").pluck().all() as string[],
    );
  } finally {
    db.close();
  }
};

test("a backup taken during saves restores into a fresh database with every save acknowledged before it began", async () => {
  const { emails, password } = editors();
  const cookie = await signIn(server, emails[0]!, password);
  const acknowledged: string[] = [];
  let writing = true;
  const writer = async (w: number) => {
    for (let n = 0; writing; n++) {
      const title = `Backup ${w}.${n}`;
      const response = await callAction(server, createSource, {
        page: "/admin/sources/new",
        fields: {
          title,
          publisher: "Example Wire",
          url: `https://example.org/backup/${w}/${n}`,
          publishedOn: "",
          dateNote: "",
          text: `${SAMPLE_TEXT} (${title})`,
        },
        cookie,
        origin: server.origin,
      });
      expect(response.redirect, JSON.stringify(response.state)).toBeTruthy();
      acknowledged.push(title);
    }
  };
  const writers = [0, 1, 2].map(writer);
  while (acknowledged.length < 10) await new Promise((resolve) => setTimeout(resolve, 20));

  const beforeBackup = [...acknowledged];
  const backupFile = path.join(RELIABILITY_DIR, "backup-during-saves.db");
  fs.rmSync(backupFile, { force: true });
  const backup = await npm(["db:backup", "--", backupFile], server.dbFile);
  const duringBackup = acknowledged.length - beforeBackup.length;
  await new Promise((resolve) => setTimeout(resolve, 300));
  writing = false;
  await Promise.all(writers);
  expect(backup.code, backup.output).toBe(0);

  const fresh = path.join(RELIABILITY_DIR, "restored.db");
  removeDatabase(fresh);
  const restore = await npm(["db:restore", "--", backupFile], fresh);
  expect(restore.code, restore.output).toBe(0);

  const restored = titles(fresh);
  const missing = beforeBackup.filter((title) => !restored.has(title));
  expect(missing, "saves acknowledged before the backup began").toEqual([]);
  const db = openDatabase(fresh, { readonly: true });
  expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
  db.close();

  // The restored database serves: a source saved before the backup is on its public API.
  const restoredServer = await AppServer.start("restored", { dbFile: fresh });
  try {
    const first = openDatabase(fresh, { readonly: true });
    const id = first.prepare("SELECT id FROM Source WHERE title = ?").pluck().get(beforeBackup[0]);
    first.close();
    const response = await fetch(`${restoredServer.url}/api/sources/${id}`);
    expect(((await response.json()) as { title: string }).title).toBe(beforeBackup[0]);
  } finally {
    await restoredServer.stop();
  }
  console.log(
    `backup: ${acknowledged.length} saves acknowledged in all, ${beforeBackup.length} before the backup began (all restored), ` +
      `${duringBackup} while it ran, ${restored.size} in the restored copy\n  ${backup.output.replace(/\s+/g, " ")}`,
  );
});

test("a restore is refused while the server has the database open; once stopped, it keeps the replaced database", async () => {
  const backupFile = path.join(RELIABILITY_DIR, "backup-during-saves.db");
  expect(fs.existsSync(backupFile)).toBe(true);
  const liveBefore = databaseHash(server.dbFile);

  const refused = await npm(["db:restore", "--", backupFile], server.dbFile);
  expect(refused.code).not.toBe(0);
  expect(refused.output).toContain("is in use by another process (is the server running?)");
  expect(databaseHash(server.dbFile)).toBe(liveBefore);

  const corrupt = path.join(RELIABILITY_DIR, "not-a-backup.db");
  fs.writeFileSync(corrupt, "SQLite format 3\u0000 but not really");
  await server.stop();
  const bad = await npm(["db:restore", "--", corrupt], server.dbFile);
  expect(bad.code, "a damaged backup is refused before anything is touched").not.toBe(0);
  expect(databaseHash(server.dbFile)).toBe(liveBefore);

  const restore = await npm(["db:restore", "--", backupFile], server.dbFile);
  expect(restore.code, restore.output).toBe(0);
  const kept = /kept at (\S+\.db)/.exec(restore.output)?.[1];
  expect(kept, restore.output).toBeTruthy();
  expect(databaseHash(kept!), "the replaced database, kept whole").toBe(liveBefore);
  // All of the backup, but for the identity the restore renews (the page cache's, see
  // page-cache.spec.ts).
  const identity = (file: string) => {
    const db = openDatabase(file, { readonly: true });
    try {
      return db.prepare('SELECT value FROM "DatabaseIdentity"').pluck().get();
    } finally {
      db.close();
    }
  };
  const contents = { except: ["DatabaseIdentity"] };
  expect(databaseHash(server.dbFile, contents), "the database is now the backup").toBe(
    databaseHash(backupFile, contents),
  );
  expect(identity(server.dbFile)).not.toBe(identity(backupFile));
  await server.launch();
  const health = await fetch(`${server.url}/api/health`);
  expect(health.status).toBe(200);
});
