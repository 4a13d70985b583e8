import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { deployMigrations, MIGRATIONS_DIR } from "../../scripts/migrate.mjs";

// The SQLite migration; its PostgreSQL twin fills the last day the same way
// (prisma/postgres/migrations/*_outcome_representative_event_range).
describe("migration to outcomes, representatives and events that last days", () => {
  it("gives every existing event its date as both days, and keeps every entry and step as it was", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rollcall-range-"));
    try {
      // A database of the schema before this migration, with data, then this migration.
      const earlier = path.join(dir, "earlier");
      const mine = readdirSync(MIGRATIONS_DIR).find((m) =>
        m.endsWith("_outcome_representative_event_range"),
      )!;
      cpSync(MIGRATIONS_DIR, earlier, {
        recursive: true,
        filter: (from) => path.basename(from) < mine || !/^\d{14}_/.test(path.basename(from)),
      });
      const file = path.join(dir, "old.db");
      await deployMigrations(file, { migrationsDir: earlier });

      const db = new Database(file);
      const insertEvent = db.prepare(
        `INSERT INTO "Event" ("id", "slug", "name", "place", "date", "occasion", "pinnedAt")
         VALUES (?, ?, ?, 'Moscow', ?, 'Parade', ?)`,
      );
      insertEvent.run(1, "parade-2025", "Parade", "2025-05-09T00:00:00.000+00:00", null);
      insertEvent.run(
        2,
        "summit-2025",
        "Summit",
        "2025-08-31T00:00:00.000+00:00",
        "2025-08-01T00:00:00.000+00:00",
      );
      db.prepare(
        `INSERT INTO "Leader" ("id", "name", "office", "polity", "updatedAt")
         VALUES (1, 'Xi Jinping', 'President', 'China', '2025-04-01T00:00:00.000+00:00')`,
      ).run();
      db.prepare(
        `INSERT INTO "Attendance" ("id", "eventId", "leaderId", "status", "asOf", "note", "updatedAt")
         VALUES (1, 1, 1, 'confirmed', '2025-04-12T00:00:00.000+00:00', 'kept', '2025-04-13T00:00:00.000+00:00')`,
      ).run();
      db.prepare(
        `INSERT INTO "StatusStep" ("id", "attendanceId", "status", "asOf", "note", "updatedAt")
         VALUES (1, 1, 'confirmed', '2025-04-12T00:00:00.000+00:00', 'step note', '2025-04-13T00:00:00.000+00:00')`,
      ).run();
      db.prepare(`UPDATE "Attendance" SET "currentStepId" = 1 WHERE "id" = 1`).run();
      const eventsBefore = db.prepare(`SELECT * FROM "Event" ORDER BY "id"`).all();
      const entriesBefore = db.prepare(`SELECT * FROM "Attendance"`).all();
      const stepsBefore = db.prepare(`SELECT * FROM "StatusStep"`).all();
      db.close();

      const applied = await deployMigrations(file);
      expect(applied[0]).toBe(mine);

      const after = new Database(file);
      try {
        expect(after.prepare(`SELECT * FROM "Event" ORDER BY "id"`).all()).toEqual(
          (eventsBefore as Record<string, unknown>[]).map((e) => ({ ...e, endDate: e.date })),
        );
        expect(after.prepare(`SELECT * FROM "Attendance"`).all()).toEqual(
          (entriesBefore as Record<string, unknown>[]).map((e) => ({
            ...e,
            outcome: null,
            representativeId: null,
          })),
        );
        expect(after.prepare(`SELECT * FROM "StatusStep"`).all()).toEqual(
          (stepsBefore as Record<string, unknown>[]).map((s) => ({
            ...s,
            outcome: null,
            representativeId: null,
          })),
        );
        // The new columns hold only what the schema allows.
        expect(() =>
          after.prepare(`UPDATE "Attendance" SET "representativeId" = 999 WHERE "id" = 1`).run(),
        ).toThrow(/FOREIGN KEY/);
      } finally {
        after.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
