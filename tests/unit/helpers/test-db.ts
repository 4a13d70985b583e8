import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deployMigrations } from "../../../scripts/migrate.mjs";
import { createPrismaClient } from "../../../lib/sqlite";

/**
 * A fresh, migrated SQLite database in a temporary folder. Sets DATABASE_URL so that the
 * app's own `lib/db.ts` (imported after this) uses it too.
 */
export async function createTestDatabase() {
  const dir = mkdtempSync(path.join(tmpdir(), "rollcall-test-"));
  const file = path.join(dir, "test.db");
  await deployMigrations(file);
  const url = `file:${file}`;
  process.env.DATABASE_URL = url;
  const db = createPrismaClient(url);
  return {
    file,
    url,
    db,
    async cleanup() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
