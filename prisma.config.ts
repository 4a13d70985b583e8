import "dotenv/config";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseProvider, databaseUrl } from "./lib/database-url.mjs";

// Prisma 7 reads no .env by itself; the fallback lets `prisma generate` run on a fresh clone.
// With a PostgreSQL DATABASE_URL, Prisma's own commands (a native `prisma migrate deploy`,
// `prisma studio`) take the generated PostgreSQL schema and its migrations folder.
// A DATABASE_URL of neither kind is left for the app to refuse, with its own message.
const postgres = (() => {
  try {
    return databaseProvider() === "postgresql";
  } catch {
    return false;
  }
})();

export default defineConfig({
  schema: postgres
    ? path.join("prisma", "postgres", "schema.prisma")
    : path.join("prisma", "schema.prisma"),
  migrations: {
    path: postgres
      ? path.join("prisma", "postgres", "migrations")
      : path.join("prisma", "migrations"),
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    url: databaseUrl(),
  },
});
