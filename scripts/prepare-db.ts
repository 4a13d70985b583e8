/**
 * Makes the database ready before `npm run dev` and `npm start`: creates the SQLite file if it
 * is absent, applies pending migrations, and seeds the article's data into an empty database.
 * A database that already has events is never re-seeded (an editor may have deleted entries).
 */
import { deployMigrations, resolveDatabaseFile } from "./migrate.mjs";
import { createPrismaClient } from "../lib/sqlite";
import { seedDatabase } from "../prisma/seed";

async function main() {
  const file = resolveDatabaseFile();
  const applied = await deployMigrations(file);
  if (applied.length > 0) console.log(`Database ${file}: applied ${applied.join(", ")}.`);

  const db = createPrismaClient(`file:${file}`);
  try {
    if ((await db.event.count()) === 0) {
      const { created } = await seedDatabase(db);
      console.log(`Database ${file}: seeded ${created.entries} entries from the article.`);
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
