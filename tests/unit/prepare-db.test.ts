import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/database";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), "rollcall-prepare-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function prepare(file: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `file:${file}` };
  delete env.BETTER_AUTH_SECRET;
  return run("node_modules/.bin/tsx", ["scripts/prepare-db.ts", ...args], { env });
}

describe("scripts/prepare-db.ts", { timeout: 60_000 }, () => {
  it("in development, creates, migrates and seeds a new database and one editor whose password it prints once", async () => {
    const file = path.join(dir, "dev", "rollcall.db");
    const { stdout } = await prepare(file, "--dev");
    expect(stdout).toContain("seeded 9 entries");
    const password = /password: (\S+)/.exec(stdout)?.[1];
    expect(password).toHaveLength(20);

    const db = createPrismaClient(`file:${file}`);
    try {
      const account = await db.account.findFirstOrThrow({ include: { user: true } });
      expect(account.user.email).toBe("editor@rollcall.local");
      expect(await verifyPassword({ hash: account.password!, password: password! })).toBe(true);
    } finally {
      await db.$disconnect();
    }
    // A secret was generated beside the database, readable by its owner only.
    expect(statSync(path.join(dir, "dev", ".auth-secret")).mode & 0o777).toBe(0o600);

    const again = await prepare(file, "--dev");
    expect(again.stdout).not.toContain("password:");
    expect(again.stdout).not.toContain("seeded");
  });

  it("in production, creates no account", async () => {
    const file = path.join(dir, "prod", "rollcall.db");
    const { stdout } = await prepare(file);
    expect(stdout).toContain("seeded 9 entries");
    expect(stdout).not.toContain("password");
    const db = createPrismaClient(`file:${file}`);
    try {
      expect(await db.user.count()).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });
});
