import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // Playwright's fixtures call their callback `use`; it is not React's hook.
    files: ["tests/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // The database is chosen in one place (lib/database.ts, used by lib/db.ts): nothing else
    // reaches for one database's module or client.
    files: ["**/*.{ts,tsx,js,mjs}"],
    ignores: ["lib/database.ts", "lib/sqlite.ts", "lib/postgres.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/lib/sqlite", "@/lib/sqlite", "**/lib/postgres", "@/lib/postgres"],
              message: "Use lib/database.ts (or lib/db.ts), which picks the database.",
            },
            {
              group: ["**/generated/prisma-pg/**"],
              message: "Import types from lib/generated/prisma; lib/postgres.ts makes the client.",
            },
          ],
        },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "lib/generated/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "bench/.work/**",
    // Databases and logs of the test runs.
    "data/**",
  ]),
]);
