import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { deployMigrations } from "../../../scripts/migrate.mjs";
import { createPrismaClient } from "../../../lib/database";

/**
 * Which database the data-layer suite runs on: SQLite, or PostgreSQL in the vitest project
 * `postgres` (vitest.config.mts), which sets ROLLCALL_TEST_DATABASE and needs
 * TEST_POSTGRES_ADMIN_URL: a URL whose role may create and drop databases.
 */
export const testProvider = (): "sqlite" | "postgresql" =>
  process.env.ROLLCALL_TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";

/**
 * A fresh, migrated database: a SQLite file in a temporary folder, or a PostgreSQL database
 * of its own on the server of TEST_POSTGRES_ADMIN_URL (dropped by cleanup). Sets DATABASE_URL so
 * that the app's own `lib/db.ts` (imported after this) uses it too.
 */
export async function createTestDatabase() {
  const { url, drop } =
    testProvider() === "postgresql" ? await createPostgresDatabase() : await createSqliteFile();
  process.env.DATABASE_URL = url;
  const db = createPrismaClient(url);
  return {
    provider: testProvider(),
    url,
    db,
    async cleanup() {
      await db.$disconnect();
      // The app's own client and reader (lib/db.ts keeps them here outside production), if a
      // test loaded it: closed before their database goes.
      const app = globalThis as { rollcallDb?: { $disconnect(): Promise<void> } } & {
        rollcallBulk?: { close(): void };
      };
      await app.rollcallDb?.$disconnect();
      app.rollcallBulk?.close();
      await drop();
    },
  };
}

async function createSqliteFile() {
  const dir = mkdtempSync(path.join(tmpdir(), "rollcall-test-"));
  const file = path.join(dir, "test.db");
  await deployMigrations(file);
  return {
    url: `file:${file}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The admin URL with another database name. */
export function postgresUrlFor(database: string, admin = adminUrl()) {
  const url = new URL(admin);
  url.pathname = `/${database}`;
  return url.toString();
}

function adminUrl() {
  const url = process.env.TEST_POSTGRES_ADMIN_URL;
  if (!url) throw new Error("TEST_POSTGRES_ADMIN_URL is not set (see vitest.config.mts).");
  return url;
}

/** Runs `sql` on the admin database (CREATE/DROP DATABASE cannot run in a transaction). */
export async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function createPostgresDatabase() {
  const name = `rollcall_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = postgresUrlFor(name);
  await deployMigrations(url);
  return { url, drop: () => dropDatabase(name) };
}

/**
 * Drops a test database. A plain DROP ends an autovacuum worker that is busy with it (FORCE
 * would refuse to, for a role that is not a superuser); FORCE ends a connection the test left
 * open. Tried a few times, as either can be there at any moment.
 */
async function dropDatabase(name: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(`DROP DATABASE IF EXISTS "${name}"`);
      return;
    } catch {
      try {
        await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        return;
      } catch (error) {
        if (attempt >= 10) throw error;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }
  }
}
