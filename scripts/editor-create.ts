/**
 * Creates an editor account (there is no public sign-up).
 *
 *   npm run editor:create -- --email a@b.org --name "A. Editor"            generates a password, prints it once
 *   npm run editor:create -- --email a@b.org --name "A. Editor" --password "…"
 *   printf '%s' "$PASSWORD" | npm run editor:create -- --email a@b.org --name "A. Editor" --password-stdin
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { deployMigrations, resolveDeployTarget } from "./migrate.mjs";
import { createEditor, EditorExistsError } from "../lib/auth/editors";
import { generatePassword } from "../lib/auth/password";
import { createPrismaClient } from "../lib/database";
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
    },
  });
  if (!values.email || !values.name) {
    console.error(
      'Usage: npm run editor:create -- --email a@b.org --name "A. Editor" [--password … | --password-stdin]',
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
    const editor = await createEditor(db, { email: values.email, name: values.name, password });
    console.log(`Created editor ${editor.name} <${editor.email}>.`);
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
