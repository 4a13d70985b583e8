#!/usr/bin/env node
// `prisma generate` without Prisma's download server (used as the npm postinstall).
//
// The Prisma CLI wants its native schema engine binary before it runs any command, and
// downloads it from Prisma's server when it is missing. `generate` never runs that engine: it
// only checks that the file exists. Pointing PRISMA_SCHEMA_ENGINE_BINARY at an existing file
// (the WebAssembly build of the same engine, which scripts/migrate.mjs uses) skips the
// download. A value already set in the environment is left alone.
//
// Two clients: lib/generated/prisma from prisma/schema.prisma (SQLite) and
// lib/generated/prisma-pg from prisma/postgres/schema.prisma (PostgreSQL, generated from the
// first, see scripts/postgres-schema.mjs). A generated client serves only its schema's
// provider (its query compiler is built per database); lib/database.ts picks one at run time.
//
//   node scripts/prisma-generate.mjs [extra prisma generate arguments]

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function stubEngineFile() {
  const candidates = [];
  try {
    const glue = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    candidates.push(path.join(path.dirname(glue), "schema_engine_bg.wasm"));
  } catch {
    // not installed: fall through to the copy bundled with the CLI
  }
  try {
    const cli = path.dirname(require.resolve("prisma/package.json"));
    candidates.push(path.join(cli, "build", "schema_engine_bg.wasm"));
  } catch {
    // handled below
  }
  return candidates.find((file) => existsSync(file));
}

let prismaCli;
try {
  const pkgPath = require.resolve("prisma/package.json");
  const bin = require(pkgPath).bin;
  prismaCli = path.join(path.dirname(pkgPath), typeof bin === "string" ? bin : bin.prisma);
} catch (error) {
  console.error(
    `prisma-generate: cannot find the Prisma CLI (is "prisma" installed?): ${error.message}`,
  );
  process.exit(1);
}

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const stub = stubEngineFile();
  if (stub) {
    env.PRISMA_SCHEMA_ENGINE_BINARY = stub;
  } else {
    console.warn(
      "prisma-generate: no file to stand in for the schema engine; prisma may try to download it.",
    );
  }
}

const SCHEMAS = [
  path.join("prisma", "schema.prisma"),
  path.join("prisma", "postgres", "schema.prisma"),
];

for (const schema of SCHEMAS) {
  // Same as node_modules/.bin/prisma, without the shell shim (works on Windows too).
  const result = spawnSync(
    process.execPath,
    [prismaCli, "generate", "--schema", schema, ...process.argv.slice(2)],
    { cwd: projectRoot, env, stdio: "inherit" },
  );
  if (result.error) {
    console.error(`prisma-generate: could not run prisma: ${result.error.message}`);
    process.exit(1);
  }
  if (result.signal) {
    console.error(`prisma-generate: prisma was killed by ${result.signal}`);
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}
