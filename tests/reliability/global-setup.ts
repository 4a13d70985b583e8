import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createAccount } from "../factories";
import { generatePassword } from "../../lib/auth/password";
import { createPrismaClient } from "../../lib/database";
import { EDITORS_FILE, RELIABILITY_DIR, ROOT, TEMPLATE_DB, bin, type Editors } from "./paths";

/**
 * Builds the app (unless E2E_SKIP_BUILD=1, when `npm test` has just built it for the e2e
 * suite) and prepares the database every spec starts from: migrated, seeded with the article,
 * and with ten editor accounts (hashing ten passwords once here, not in every spec).
 */
export default async function globalSetup() {
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

  fs.rmSync(RELIABILITY_DIR, { recursive: true, force: true });
  fs.mkdirSync(RELIABILITY_DIR, { recursive: true });
  run(bin("tsx"), ["scripts/prepare-db.ts"], {
    DATABASE_URL: `file:${TEMPLATE_DB}`,
    BETTER_AUTH_SECRET: "template-secret-never-used-by-a-server-0123456789",
  });

  const db = createPrismaClient(`file:${TEMPLATE_DB}`);
  const password = generatePassword();
  const emails = Array.from({ length: 10 }, (_, i) => `editor-${i}@example.org`);
  await Promise.all(
    emails.map((email, i) =>
      createAccount(db, { email, name: `Editor ${i}`, password, role: "admin" }),
    ),
  );
  // One account of each lesser role, for the doors' role matrix.
  const roles = { editor: "role-editor@example.org", reviewer: "role-reviewer@example.org" };
  await createAccount(db, { email: roles.editor, name: "Role Editor", password, role: "editor" });
  await createAccount(db, {
    email: roles.reviewer,
    name: "Role Reviewer",
    password,
    role: "reviewer",
  });
  await db.$disconnect(); // the last connection: SQLite checkpoints the WAL into the file
  const editors: Editors = { password, emails, roles };
  fs.writeFileSync(EDITORS_FILE, JSON.stringify(editors));
}
