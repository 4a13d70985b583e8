import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createClient } from "@redis/client";
import pg from "pg";
import { createAccount } from "../factories";
import { generatePassword } from "../../lib/auth/password";
import { createPrismaClient } from "../../lib/database";
import { ROOT, bin } from "../reliability/paths";
import { SCALEOUT_DIR, STATE_FILE, type State } from "./paths";

const NEEDS = {
  TEST_POSTGRES_ADMIN_URL: "a PostgreSQL superuser's URL, to make a database of the suite's own",
  TEST_REDIS_URL: "a Redis server's URL",
  NGINX_PATH: "nginx's executable",
} as const;

/** An admin URL with another database name. */
function withDatabase(admin: string, database: string) {
  const url = new URL(admin);
  url.pathname = `/${database}`;
  return url.toString();
}

async function adminQuery(admin: string, sql: string) {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Checks that PostgreSQL, Redis and nginx are there (`npm test` finds or starts them and says
 * which are missing; under CI a missing one fails the run), builds the app once for both
 * servers (unless E2E_SKIP_BUILD=1, when `npm test` has just built it), and prepares a fresh
 * PostgreSQL database: migrated, seeded, with four editors. Dropped at the end.
 */
export default async function globalSetup() {
  const missing = Object.entries(NEEDS).filter(([name]) => !process.env[name]);
  if (missing.length > 0) {
    throw new Error(
      `The scale-out suite needs ${missing.map(([name, what]) => `${name} (${what})`).join("; ")}. ` +
        "`npm test -- scaleout` finds or installs and starts them.",
    );
  }
  const admin = process.env.TEST_POSTGRES_ADMIN_URL!;
  const redisUrl = process.env.TEST_REDIS_URL!;
  const nginx = process.env.NGINX_PATH!;
  if (!fs.existsSync(nginx)) throw new Error(`NGINX_PATH=${nginx} does not exist.`);
  const redis = createClient({ url: redisUrl, socket: { reconnectStrategy: false } });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`TEST_REDIS_URL=${redisUrl} does not answer: ${(error as Error).message}`);
  } finally {
    redis.destroy();
  }

  const run = (cmd: string, args: string[], env: Record<string, string> = {}) => {
    const result = spawnSync(cmd, args, {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, ...env },
    });
    if (result.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed`);
  };
  if (process.env.E2E_SKIP_BUILD !== "1") run(bin("next"), ["build"]);
  if (!fs.existsSync(`${ROOT}/.next/BUILD_ID`)) throw new Error("No build: run `next build`.");

  fs.rmSync(SCALEOUT_DIR, { recursive: true, force: true });
  fs.mkdirSync(SCALEOUT_DIR, { recursive: true });

  const database = `rollcall_scaleout_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const databaseUrl = withDatabase(admin, database);
  await adminQuery(admin, `CREATE DATABASE "${database}"`);
  run(bin("tsx"), ["scripts/prepare-db.ts"], {
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_SECRET: "template-secret-never-used-by-a-server-0123456789",
  });
  const db = createPrismaClient(databaseUrl);
  const password = generatePassword();
  const emails = Array.from({ length: 4 }, (_, i) => `scaleout-${i}@example.org`);
  try {
    await Promise.all(
      emails.map((email, i) =>
        createAccount(db, { email, name: `Scale-out ${i}`, password, role: "admin" }),
      ),
    );
  } finally {
    await db.$disconnect();
  }
  const state: State = { databaseUrl, redisUrl, nginx, editors: { password, emails } };
  fs.writeFileSync(STATE_FILE, JSON.stringify(state));

  return async () => {
    await adminQuery(admin, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  };
}
