import { defineConfig, devices } from "@playwright/test";
import { launchOptions, withJsonReport } from "../../playwright.config";

/**
 * The reliability suite (issue 7): every door, bad input, scripts, load, crashes, backups,
 * sessions. Each spec starts its own production server(s) on its own copy of a prepared
 * database (see server.ts), because these tests kill servers, hash the whole database or load
 * it: they must not share a server with anything else. One worker: the specs load the machine
 * on their own, and the figures they print mean more when they do not compete.
 */
export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  // Its own artifacts folder, which Playwright empties when the suite starts (see the e2e config).
  outputDir: "../../test-results/reliability",
  globalSetup: "./global-setup.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: withJsonReport([["list"]]),
  timeout: 240_000,
  expect: { timeout: 15_000 },
  use: { trace: "retain-on-failure", launchOptions },
  projects: [{ name: "reliability", use: { ...devices["Desktop Chrome"] } }],
});
