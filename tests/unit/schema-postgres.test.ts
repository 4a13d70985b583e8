import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  MIGRATIONS_DIR,
  POSTGRES_MIGRATIONS_DIR,
  SCHEMA_FILE,
  createMigration,
  sqliteMigrationsDrift,
} from "../../scripts/migrate.mjs";
import {
  POSTGRES_SCHEMA_FILE,
  STALE_MESSAGE,
  expectedPostgresSchema,
  toPostgresSchema,
} from "../../scripts/postgres-schema.mjs";

describe("the PostgreSQL schema", () => {
  it("is what prisma/schema.prisma makes (else run npm run db:migrate -- --name <change>)", () => {
    expect(readFileSync(POSTGRES_SCHEMA_FILE, "utf8"), STALE_MESSAGE).toBe(
      expectedPostgresSchema(),
    );
  });

  it("differs from the SQLite schema in the provider and the client's folder alone", () => {
    const sqlite = readFileSync("prisma/schema.prisma", "utf8");
    const postgres = toPostgresSchema(sqlite);
    expect(postgres).toContain('provider = "postgresql"');
    expect(postgres).toContain('output   = "../../lib/generated/prisma-pg"');
    expect(postgres).not.toContain('"sqlite"');
    const models = (text: string) => text.slice(text.indexOf("enum AttendanceStatus"));
    expect(models(postgres)).toBe(models(sqlite));
    expect(() => toPostgresSchema(sqlite.replace('"sqlite"', '"mysql"'))).toThrow(/sqlite/);
  });

  it("has SQLite migrations that make exactly prisma/schema.prisma", async () => {
    expect(await sqliteMigrationsDrift()).toBeNull();
  });
});

describe("npm run db:migrate", () => {
  it("writes the SQLite and the PostgreSQL migration of a schema change, and the PostgreSQL schema", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rollcall-create-"));
    try {
      const sqliteDir = path.join(dir, "migrations");
      const postgresDir = path.join(dir, "postgres", "migrations");
      const postgresSchema = path.join(dir, "postgres", "schema.prisma");
      cpSync(MIGRATIONS_DIR, sqliteDir, { recursive: true });
      cpSync(POSTGRES_MIGRATIONS_DIR, postgresDir, { recursive: true });
      cpSync(POSTGRES_SCHEMA_FILE, postgresSchema);
      const schemaFile = path.join(dir, "schema.prisma");
      const changed = readFileSync(SCHEMA_FILE, "utf8").replace(
        "  occasion    String\n",
        "  occasion    String\n  website     String?\n",
      );
      writeFileSync(schemaFile, changed);

      const written = await createMigration("event website", {
        migrationsDir: sqliteDir,
        schemaFile,
        postgres: { migrationsDir: postgresDir, schemaFile: postgresSchema },
      });
      expect(written.sqlite).toMatch(/^\d{14}_event_website$/);
      expect(written.postgres).toBe(written.sqlite);
      const sql = (folder: string) =>
        readFileSync(path.join(folder, written.sqlite!, "migration.sql"), "utf8");
      expect(sql(sqliteDir)).toContain('"website" TEXT');
      expect(sql(postgresDir)).toContain('ALTER TABLE "Event" ADD COLUMN     "website" TEXT');
      expect(readFileSync(postgresSchema, "utf8")).toBe(toPostgresSchema(changed));

      // Nothing left to write: both folders are level with the schema.
      const again = await createMigration("again", {
        migrationsDir: sqliteDir,
        schemaFile,
        postgres: { migrationsDir: postgresDir, schemaFile: postgresSchema },
      });
      expect(again).toEqual({ sqlite: null, postgres: null });

      // A branch that changed the schema and wrote its SQLite migration alone (merged from
      // before this script): the PostgreSQL migration catches up.
      rmSync(path.join(postgresDir, written.postgres!), { recursive: true });
      cpSync(POSTGRES_SCHEMA_FILE, postgresSchema);
      await new Promise((resolve) => setTimeout(resolve, 1_100)); // a new folder name
      const catchUp = await createMigration("event website", {
        migrationsDir: sqliteDir,
        schemaFile,
        postgres: { migrationsDir: postgresDir, schemaFile: postgresSchema },
      });
      expect(catchUp.sqlite).toBeNull();
      expect(catchUp.postgres).toMatch(/_event_website$/);
      expect(
        readFileSync(path.join(postgresDir, catchUp.postgres!, "migration.sql"), "utf8"),
      ).toContain('"website" TEXT');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
