import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { deployMigrations, MIGRATIONS_DIR } from "../../scripts/migrate.mjs";

// Deploys the real prisma/migrations folder, through the WebAssembly schema engine, to a fresh
// SQLite file (in a directory that does not exist yet).
describe("scripts/migrate.mjs deployMigrations", () => {
  let tempDir: string;
  let databaseFile: string;
  let firstDeploy: string[];

  const migrationFolders = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  beforeAll(async () => {
    tempDir = mkdtempSync(path.join(tmpdir(), "rollcall-migrate-"));
    databaseFile = path.join(tempDir, "nested", "dir", "test.db");
    firstDeploy = await deployMigrations(databaseFile);
  });

  afterAll(() => {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  });

  function open() {
    const db = new Database(databaseFile, { fileMustExist: true });
    db.pragma("foreign_keys = ON");
    return db;
  }

  it("applies every migration folder, in order", () => {
    expect(migrationFolders.length).toBeGreaterThan(0);
    expect(firstDeploy).toEqual(migrationFolders);
  });

  it("creates the expected tables", () => {
    const db = open();
    try {
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .pluck()
        .all() as string[];
      expect(tables).toEqual(
        expect.arrayContaining([
          "Event",
          "Source",
          "Leader",
          "Attendance",
          "Citation",
          "_prisma_migrations",
        ]),
      );
    } finally {
      db.close();
    }
  });

  it("records each migration in _prisma_migrations with its checksum", () => {
    const db = open();
    try {
      const rows = db
        .prepare(
          `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
           FROM _prisma_migrations ORDER BY migration_name`,
        )
        .all() as {
        migration_name: string;
        checksum: string;
        finished_at: unknown;
        rolled_back_at: unknown;
        applied_steps_count: number;
      }[];
      expect(rows.map((row) => row.migration_name)).toEqual(migrationFolders);
      for (const row of rows) {
        const sql = readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
        expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
        expect(row.finished_at).not.toBeNull();
        expect(row.rolled_back_at).toBeNull();
        expect(row.applied_steps_count).toBe(1);
      }
    } finally {
      db.close();
    }
  });

  it("enforces the unique (eventId, leaderId) on Attendance, and its foreign keys", () => {
    const db = open();
    try {
      const now = new Date().toISOString();
      const eventId = db
        .prepare(
          `INSERT INTO Event (slug, name, place, date, endDate, occasion) VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run("summit-2025", "Summit", "Geneva", now, now, "summit").lastInsertRowid;
      const leaderId = db
        .prepare(`INSERT INTO Leader (name, office, polity, updatedAt) VALUES (?, ?, ?, ?)`)
        .run("A. Leader", "President", "Somewhere", now).lastInsertRowid;
      const attend = db.prepare(
        `INSERT INTO Attendance (eventId, leaderId, status, updatedAt) VALUES (?, ?, ?, ?)`,
      );

      attend.run(eventId, leaderId, "confirmed", now);
      expect(() => attend.run(eventId, leaderId, "reported", now)).toThrow(
        /UNIQUE constraint failed: Attendance\.eventId, Attendance\.leaderId/,
      );
      expect(() => attend.run(Number(eventId) + 1000, leaderId, "reported", now)).toThrow(
        /FOREIGN KEY constraint failed/,
      );
      expect(db.prepare("SELECT COUNT(*) FROM Attendance").pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });

  it("applies nothing on a second deploy", async () => {
    expect(await deployMigrations(databaseFile)).toEqual([]);
    const db = open();
    try {
      expect(db.prepare("SELECT COUNT(*) FROM _prisma_migrations").pluck().get()).toBe(
        migrationFolders.length,
      );
    } finally {
      db.close();
    }
  });
});
