/**
 * Makes the database ready before `npm run dev` and `npm start`: creates the SQLite file if it
 * is absent, applies pending migrations (SQLite's or PostgreSQL's, by DATABASE_URL), gives it its
 * identity (lib/data/database-identity.ts), seeds the article's data into an empty database, and
 * generates a session secret beside it when BETTER_AUTH_SECRET is not set.
 * A database that already has events is never re-seeded (an editor may have deleted entries).
 *
 * With --dev (npm run dev) and no editor yet, it also creates one with a generated password and
 * prints it once, so the Quick start leads to a working sign-in. Production creates no account.
 */
import { deployMigrations, resolveDeployTarget } from "./migrate.mjs";
import { createEditor } from "../lib/auth/editors";
import { generatePassword } from "../lib/auth/password";
import { ensureDatabaseIdentity } from "../lib/data/database-identity";
import { ensureSecretFile } from "../lib/auth/secret-file";
import { createPrismaClient } from "../lib/database";
import { redactUrl } from "../lib/database-url.mjs";
import { seedDatabase } from "../prisma/seed";

const DEV_EDITOR = { email: "editor@rollcall.local", name: "Development editor" };

async function main() {
  const target = resolveDeployTarget();
  const file = redactUrl(target);
  const applied = await deployMigrations(target);
  if (applied.length > 0) console.log(`Database ${file}: applied ${applied.join(", ")}.`);

  if (!process.env.BETTER_AUTH_SECRET && ensureSecretFile()) {
    console.log(
      "Generated a session secret beside the database (set BETTER_AUTH_SECRET to use your own).",
    );
  }

  const db = createPrismaClient();
  try {
    await ensureDatabaseIdentity(db);
    if ((await db.event.count()) === 0) {
      const { created } = await seedDatabase(db);
      console.log(`Database ${file}: seeded ${created.entries} entries from the article.`);
    }
    if (process.argv.includes("--dev") && (await db.user.count()) === 0) {
      const password = generatePassword();
      await createEditor(db, { ...DEV_EDITOR, password });
      console.log(
        [
          "",
          "  A development editor was created (shown once; `npm run editor:create` makes more):",
          `    email:    ${DEV_EDITOR.email}`,
          `    password: ${password}`,
          `  Sign in at http://localhost:${process.env.PORT ?? 3000}/sign-in`,
          "",
        ].join("\n"),
      );
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
