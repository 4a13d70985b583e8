// Starts the production server for the end-to-end tests on a fresh database:
// removes the test database (a SQLite file; a PostgreSQL database is used as given, so pass a
// new one), builds (unless E2E_SKIP_BUILD=1), prepares the database
// (migrations + seed) and runs `next start`. Signals are passed on so no server is left behind.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { databaseProvider, resolveSqliteFile } from "../lib/database-url.mjs";
import { LOOPBACK_HOST } from "./loopback.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const url = process.env.DATABASE_URL ?? "file:./data/e2e.db";

if (databaseProvider(url) === "sqlite") {
  const file = resolveSqliteFile(url);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.env.E2E_SKIP_BUILD !== "1") run(bin("next"), ["build"]);
run(bin("tsx"), ["scripts/prepare-db.ts"]);

const server = spawn(
  bin("next"),
  ["start", "-p", process.env.PORT ?? "3100", "-H", LOOPBACK_HOST],
  {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
