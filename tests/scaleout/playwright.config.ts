import { defineConfig } from "@playwright/test";
import { withJsonReport } from "../../playwright.config";

/**
 * The scale-out suite (docs/testing.md, "The scale-out suite"): two production servers of one build
 * on one PostgreSQL database and one Redis, behind nginx with deploy/nginx.conf. Needs
 * TEST_POSTGRES_ADMIN_URL, TEST_REDIS_URL and NGINX_PATH, which `npm test` provides
 * (scripts/test/suites.ts); see global-setup.ts. The specs talk HTTP, as a browser's requests
 * would, and need no browser.
 */
// Its servers' ports, apart from the reliability suite's, which runs at the same time
// (tests/reliability/server.ts): read in this process and in its worker, which loads this file.
process.env.TEST_PORT_LANE = "scaleout";

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  // Its own artifacts folder, which Playwright empties when the suite starts (see the e2e config).
  outputDir: "../../test-results/scaleout",
  globalSetup: "./global-setup.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: withJsonReport([["list"]]),
  timeout: 120_000,
  expect: { timeout: 15_000 },
});
