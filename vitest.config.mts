import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

/**
 * The data-layer suite, which runs on SQLite in every run and on PostgreSQL in the project
 * `postgres` (each file in a database of its own, created and dropped on the server of
 * TEST_POSTGRES_ADMIN_URL). `npm run test:postgres` runs that project alone; `vitest run` adds it
 * when TEST_POSTGRES_ADMIN_URL is set.
 */
const DATA_LAYER = [
  "tests/unit/data-layer.test.ts",
  "tests/unit/history.test.ts",
  "tests/unit/list-reads.test.ts",
  "tests/unit/export-data.test.ts",
  "tests/unit/export-route.test.ts",
  "tests/unit/export-stream.test.ts",
  "tests/unit/export-batches.test.ts",
  "tests/unit/large-event.test.ts",
  "tests/unit/seed.test.ts",
  "tests/unit/bulk-reader.test.ts",
  "tests/unit/concurrency.test.ts",
  "tests/unit/story.test.ts",
  "tests/unit/after-the-event.test.ts",
  "tests/unit/source-versions.test.ts",
  "tests/unit/citation-review.test.ts",
  "tests/unit/generation.test.ts",
  "tests/unit/suggestions-data.test.ts",
  "tests/unit/import-data.test.ts",
  "tests/unit/page-reach.test.ts",
];

const postgres: TestProjectInlineConfiguration = {
  extends: true,
  test: {
    name: "postgres",
    include: [...DATA_LAYER, "tests/unit/postgres-*.test.ts"],
    env: { ROLLCALL_TEST_DATABASE: "postgresql" },
    // A file's database is created (CREATE DATABASE copies a template and syncs it to disk),
    // migrated and seeded before its tests: seconds on a machine shared with the server.
    hookTimeout: 60_000,
    globalSetup: ["tests/unit/helpers/postgres-global-setup.ts"],
  },
};

const runPostgres =
  Boolean(process.env.TEST_POSTGRES_ADMIN_URL) ||
  process.env.npm_lifecycle_event === "test:postgres";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // The data layer is marked server-only; in unit tests we are the server.
      "server-only": path.resolve(__dirname, "tests/unit/server-only-stub.ts"),
    },
  },
  test: {
    environment: "node",
    pool: "forks",
    // PROPERTY_SEED=<a failure's seed> runs the property tests from it (tests/property-seed.ts).
    setupFiles: ["tests/unit/helpers/property-seed-setup.ts"],
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: "sqlite",
          include: ["tests/unit/**/*.test.ts"],
          // A data-layer file migrates and seeds its own database first: a few seconds alone,
          // more on a machine busy with a build or the browser suites.
          hookTimeout: 30_000,
          exclude: ["tests/unit/postgres-*.test.ts"],
        },
      },
      ...(runPostgres ? [postgres] : []),
    ],
  },
});
