import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { deployMigrations, MIGRATIONS_DIR } from "../../scripts/migrate.mjs";

// The SQLite migration; its PostgreSQL twin carries the same data steps
// (prisma/postgres/migrations/*_source_versions_and_citation_review).
describe("migration to source versions", () => {
  it("makes every existing source version 1 of itself, with nothing lost", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rollcall-versions-"));
    try {
      // The migrations before this one, then data as it was, then this one.
      const earlier = path.join(dir, "earlier");
      const mine = readdirSync(MIGRATIONS_DIR).find((m) => m.endsWith("_source_versions"))!;
      cpSync(MIGRATIONS_DIR, earlier, {
        recursive: true,
        filter: (from) => path.basename(from) < mine || !/^\d{14}_/.test(path.basename(from)),
      });
      const file = path.join(dir, "old.db");
      await deployMigrations(file, { migrationsDir: earlier });

      const db = new Database(file);
      const text = "Line one.\nThe president “will attend”, his office said — on Friday.";
      db.prepare(
        `INSERT INTO "Source" ("id", "title", "publisher", "url", "text", "addedAt", "updatedAt")
         VALUES (7, 'Old report', 'Wire', 'https://example.org/old', ?, '2025-04-01T00:00:00.000Z',
                 '2025-04-03T00:00:00.000Z')`,
      ).run(text);
      db.prepare(
        `INSERT INTO "Source" ("id", "title", "publisher", "url", "text", "addedAt", "updatedAt")
         VALUES (8, 'Never edited', 'Wire', 'https://example.org/new', 'Short.', '2025-05-01T00:00:00.000Z',
                 '2025-05-01T00:00:00.000Z')`,
      ).run();
      db.prepare(
        `INSERT INTO "Revision" ("entityType", "entityId", "action", "before", "after", "actorName", "createdAt")
         VALUES ('source', 7, 'update', '{"text":"Line one."}', ?, 'A. Editor', '2025-04-03T00:00:00.000Z')`,
      ).run(JSON.stringify({ text }));
      const before = db.prepare(`SELECT * FROM "Source" ORDER BY "id"`).all();
      const revisionsBefore = db.prepare(`SELECT * FROM "Revision" ORDER BY "id"`).all();
      db.close();

      const applied = await deployMigrations(file);
      expect(applied[0]).toBe(mine);

      const after = new Database(file);
      try {
        const sourcesAfter = after.prepare(`SELECT * FROM "Source" ORDER BY "id"`).all();
        // Every column kept as it was (later migrations may add columns of their own).
        expect(sourcesAfter).toEqual(
          (before as Record<string, unknown>[]).map((s) =>
            expect.objectContaining({ ...s, textVersion: 1 }),
          ),
        );
        expect(
          after
            .prepare(
              `SELECT "sourceId", "number", "text", "createdAt", "actorName" FROM "SourceVersion" ORDER BY "sourceId"`,
            )
            .all(),
        ).toEqual([
          {
            sourceId: 7,
            number: 1,
            text: null,
            createdAt: "2025-04-03T00:00:00.000Z",
            actorName: "A. Editor",
          },
          {
            sourceId: 8,
            number: 1,
            text: null,
            createdAt: "2025-05-01T00:00:00.000Z",
            actorName: "",
          },
        ]);
        // The texts of earlier edits stay in the revisions that recorded them.
        expect(after.prepare(`SELECT * FROM "Revision" ORDER BY "id"`).all()).toEqual(
          revisionsBefore,
        );
      } finally {
        after.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
