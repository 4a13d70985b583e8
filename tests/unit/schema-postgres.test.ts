import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sqliteMigrationsDrift } from "../../scripts/migrate.mjs";
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
