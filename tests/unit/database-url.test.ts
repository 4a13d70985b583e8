import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  PROJECT_ROOT,
  databaseProvider,
  dataDirectory,
  redactUrl,
  resolveSqliteFile,
} from "@/lib/database-url.mjs";

const tsx = path.join(PROJECT_ROOT, "node_modules", ".bin", "tsx");

describe("DATABASE_URL", () => {
  it("names SQLite or PostgreSQL, and says what it accepts otherwise", () => {
    expect(databaseProvider(undefined)).toBe("sqlite");
    expect(databaseProvider("file:./data/x.db")).toBe("sqlite");
    expect(databaseProvider("postgresql://u:p@db:5432/rollcall")).toBe("postgresql");
    expect(databaseProvider("postgres://u@db/rollcall")).toBe("postgresql");
    expect(() => databaseProvider("mysql://u:secret@db/rollcall")).toThrow(
      /file:.*postgresql:\/\/.*mysql:\/\/u:\*\*\*@db/,
    );
    expect(redactUrl("postgresql://rollcall:s3cr3t@db:5432/x")).toBe(
      "postgresql://rollcall:***@db:5432/x",
    );
  });

  it("resolves a relative SQLite path against the project folder, absolute ones as they are", () => {
    expect(resolveSqliteFile("file:./data/x.db")).toBe(path.join(PROJECT_ROOT, "data", "x.db"));
    expect(resolveSqliteFile("file:data/x.db?mode=rwc")).toBe(
      path.join(PROJECT_ROOT, "data", "x.db"),
    );
    expect(resolveSqliteFile("file:/var/lib/x.db")).toBe("/var/lib/x.db");
    expect(resolveSqliteFile("file:///var/lib/x.db")).toBe("/var/lib/x.db");
    expect(() => resolveSqliteFile("file:")).toThrow(/name a database file/);
    expect(() => resolveSqliteFile("postgresql://db/x")).toThrow(/PostgreSQL/);
    expect(dataDirectory("postgresql://db/x")).toBe(path.join(PROJECT_ROOT, "data"));
  });

  it("gives the app and the migrate script the same file when started from another folder", () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), "rollcall-cwd-"));
    const relative = `data/cwd-test-${process.pid}.db`;
    const file = path.join(PROJECT_ROOT, relative);
    try {
      const run = (args: string[]) =>
        spawnSync(args[0]!, args.slice(1), {
          cwd: elsewhere,
          env: { ...process.env, DATABASE_URL: `file:./${relative}` },
          encoding: "utf8",
        });
      const deploy = run([
        process.execPath,
        path.join(PROJECT_ROOT, "scripts", "migrate.mjs"),
        "deploy",
      ]);
      expect(deploy.status, deploy.stderr).toBe(0);
      expect(existsSync(file)).toBe(true);
      expect(existsSync(path.join(elsewhere, relative))).toBe(false);
      // The app's client, from the same folder, reads the database the script migrated.
      const count = run([
        tsx,
        "-e",
        `import("${path.join(PROJECT_ROOT, "lib", "database.ts")}").then(async (m) => {
           const db = m.createPrismaClient();
           console.log(await db.event.count());
           await db.$disconnect();
         })`,
      ]);
      expect(count.stderr).toBe("");
      expect(count.stdout.trim()).toBe("0");
      expect(existsSync(path.join(elsewhere, relative))).toBe(false);
    } finally {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 60_000);

  it("makes db:backup and db:restore on PostgreSQL say to use pg_dump and pg_restore", () => {
    for (const [script, tool] of [
      ["db-backup.ts", "pg_dump"],
      ["db-restore.ts", "pg_restore"],
    ] as const) {
      const result = spawnSync(tsx, [path.join(PROJECT_ROOT, "scripts", script), "x.dump"], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, DATABASE_URL: "postgresql://rollcall:secret@127.0.0.1:1/none" },
        encoding: "utf8",
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(tool);
      expect(result.stderr).not.toContain("secret");
    }
  }, 60_000);
});
