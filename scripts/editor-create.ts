/**
 * Creates an editor account (there is no public sign-up).
 *
 *   npm run editor:create -- --email a@b.org --name "A. Editor"            generates a password, prints it once
 *   npm run editor:create -- --email a@b.org --name "A. Editor" --role reviewer
 *
 * --role admin | editor | reviewer; without it the first account is an admin, later ones editors.
 *   npm run editor:create -- --email a@b.org --name "A. Editor" --password "…"
 *   printf '%s' "$PASSWORD" | npm run editor:create -- --email a@b.org --name "A. Editor" --password-stdin
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { deployMigrations, resolveDeployTarget } from "./migrate.mjs";
import { createEditor, EditorExistsError } from "../lib/auth/editors";
import { generatePassword } from "../lib/auth/password";
import { parseRole, ROLES } from "../lib/auth/roles";
import { createPrismaClient } from "../lib/database";
import { recordAccountEvent } from "../lib/auth/account-record";
import { ZodError } from "zod";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      password: { type: "string" },
      "password-stdin": { type: "boolean", default: false },
      role: { type: "string" },
    },
  });
  const role = values.role === undefined ? undefined : parseRole(values.role);
  if (!values.email || !values.name || role === null) {
    console.error(
      `Usage: npm run editor:create -- --email a@b.org --name "A. Editor" [--role ${ROLES.join("|")}] [--password … | --password-stdin]`,
    );
    process.exit(2);
  }
  const generated = !values.password && !values["password-stdin"];
  const password = values["password-stdin"]
    ? await readStdin()
    : (values.password ?? generatePassword());

  const target = resolveDeployTarget();
  // Migrating takes an exclusive lock, which a running server prevents: only a new SQLite
  // file is migrated here (a running app's database is already migrated by prepare-db; so is
  // a PostgreSQL one, whose migrations take no such lock).
  if (target.startsWith("postgres") || !fs.existsSync(target)) await deployMigrations(target);
  const db = createPrismaClient();
  try {
    const editor = await createEditor(db, {
      email: values.email,
      name: values.name,
      password,
      ...(role ? { role } : {}),
    });
    await recordAccountEvent(db, {
      kind: "joined",
      actor: null,
      subject: editor,
      detail: `created by npm run editor:create as ${editor.role}`,
    });
    console.log(`Created ${editor.role} ${editor.name} <${editor.email}>.`);
    if (generated) console.log(`Password (shown once, store it now): ${password}`);
  } catch (error) {
    if (error instanceof EditorExistsError) {
      console.error(error.message);
      process.exit(1);
    }
    if (error instanceof ZodError) {
      console.error(error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
      process.exit(1);
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
