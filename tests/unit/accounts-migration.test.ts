import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { deployMigrations, MIGRATIONS_DIR } from "../../scripts/migrate.mjs";

// The SQLite migration; its PostgreSQL twin ends with the same UPDATE
// (prisma/postgres/migrations/*_accounts_roles_invitations_two_factor).
describe("migration to accounts with roles", () => {
  it("makes every existing account an admin, keeps its sessions, and adds nothing else", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rollcall-accounts-"));
    try {
      const earlier = path.join(dir, "earlier");
      const mine = readdirSync(MIGRATIONS_DIR).find((m) =>
        m.endsWith("_accounts_roles_invitations_two_factor"),
      )!;
      cpSync(MIGRATIONS_DIR, earlier, {
        recursive: true,
        filter: (from) => path.basename(from) < mine || !/^\d{14}_/.test(path.basename(from)),
      });
      const file = path.join(dir, "old.db");
      await deployMigrations(file, { migrationsDir: earlier });

      const db = new Database(file);
      const at = "2025-04-01T00:00:00.000Z";
      for (const [id, email] of [
        ["u1", "first@example.org"],
        ["u2", "second@example.org"],
      ]) {
        db.prepare(
          `INSERT INTO "user" ("id", "name", "email", "emailVerified", "createdAt", "updatedAt")
           VALUES (?, ?, ?, 1, ?, ?)`,
        ).run(id, `Editor ${id}`, email, at, at);
      }
      db.prepare(
        `INSERT INTO "session" ("id", "token", "userId", "expiresAt", "createdAt", "updatedAt")
         VALUES ('s1', 't1', 'u1', '2099-01-01T00:00:00.000Z', ?, ?)`,
      ).run(at, at);
      db.close();

      const applied = await deployMigrations(file);
      expect(applied[0]).toBe(mine);

      const after = new Database(file);
      try {
        expect(
          after
            .prepare(
              `SELECT "id", "email", "role", "banned", "twoFactorEnabled", "lastSignInAt", "createdAt" FROM "user" ORDER BY "id"`,
            )
            .all(),
        ).toEqual([
          {
            id: "u1",
            email: "first@example.org",
            role: "admin",
            banned: 0,
            twoFactorEnabled: 0,
            lastSignInAt: null,
            createdAt: at,
          },
          {
            id: "u2",
            email: "second@example.org",
            role: "admin",
            banned: 0,
            twoFactorEnabled: 0,
            lastSignInAt: null,
            createdAt: at,
          },
        ]);
        expect(after.prepare(`SELECT "id", "userId" FROM "session"`).all()).toEqual([
          { id: "s1", userId: "u1" },
        ]);
        for (const table of ["Invitation", "AccountEvent", "AccountPolicy", "twoFactor"]) {
          expect(after.prepare(`SELECT count(*) FROM "${table}"`).pluck().get(), table).toBe(0);
        }
        // A new account's default is the least surprising: an editor, not an admin.
        after
          .prepare(
            `INSERT INTO "user" ("id", "name", "email", "emailVerified", "createdAt", "updatedAt") VALUES ('u3', 'N', 'n@example.org', 1, ?, ?)`,
          )
          .run(at, at);
        expect(after.prepare(`SELECT "role" FROM "user" WHERE "id" = 'u3'`).pluck().get()).toBe(
          "editor",
        );
      } finally {
        after.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
