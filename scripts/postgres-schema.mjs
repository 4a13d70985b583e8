#!/usr/bin/env node
// The PostgreSQL schema, made from prisma/schema.prisma (the one source of truth).
//
// Prisma takes one datasource provider per schema file, and a generated client serves only the
// provider of its schema (its query compiler is built per database). So prisma/postgres/
// schema.prisma is written from prisma/schema.prisma by `npm run db:migrate` (with the
// PostgreSQL migration that goes with it, see scripts/migrate.mjs), and generates the client in
// lib/generated/prisma-pg. It is never edited by hand; a unit test fails when it is stale.
//
//   node scripts/postgres-schema.mjs      says whether prisma/postgres/schema.prisma is current

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SQLITE_SCHEMA_FILE = path.join(root, "prisma", "schema.prisma");
export const POSTGRES_SCHEMA_FILE = path.join(root, "prisma", "postgres", "schema.prisma");

const HEADER =
  "// GENERATED from prisma/schema.prisma by scripts/postgres-schema.mjs: do not edit.\n" +
  "// Change prisma/schema.prisma, then `npm run db:migrate -- --name <change>` writes this file\n" +
  "// and the PostgreSQL migration beside the SQLite one.\n\n";

/**
 * The PostgreSQL schema for the SQLite schema `text`: the datasource provider and the client's
 * output folder change; every model, enum and attribute stays as it is (each maps to
 * PostgreSQL: String to text, DateTime to timestamp(3), enums to enum types).
 * @param {string} text
 * @returns {string}
 */
export function toPostgresSchema(text) {
  const datasource = /(datasource\s+\w+\s*\{[^}]*?\bprovider\s*=\s*)"sqlite"/;
  if (!datasource.test(text)) {
    throw new Error('prisma/schema.prisma: expected a datasource with provider = "sqlite".');
  }
  const output = /(generator\s+client\s*\{[^}]*?\boutput\s*=\s*)"\.\.\/lib\/generated\/prisma"/;
  if (!output.test(text)) {
    throw new Error(
      'prisma/schema.prisma: expected generator client with output = "../lib/generated/prisma".',
    );
  }
  return (
    HEADER +
    text
      .replace(datasource, '$1"postgresql"')
      // One folder deeper, and a client of its own.
      .replace(output, '$1"../../lib/generated/prisma-pg"')
  );
}

/** The PostgreSQL schema for the current prisma/schema.prisma. */
export function expectedPostgresSchema() {
  return toPostgresSchema(readFileSync(SQLITE_SCHEMA_FILE, "utf8"));
}

/** True when prisma/postgres/schema.prisma is what prisma/schema.prisma makes. */
export function postgresSchemaIsCurrent() {
  try {
    return readFileSync(POSTGRES_SCHEMA_FILE, "utf8") === expectedPostgresSchema();
  } catch {
    return false;
  }
}

export const STALE_MESSAGE =
  "prisma/postgres/schema.prisma is not what prisma/schema.prisma makes: run " +
  "`npm run db:migrate -- --name <change>`, which writes it with the PostgreSQL migration.";

const invokedDirectly =
  process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  if (postgresSchemaIsCurrent()) {
    console.log("prisma/postgres/schema.prisma is current.");
  } else {
    console.error(STALE_MESSAGE);
    process.exitCode = 1;
  }
}
