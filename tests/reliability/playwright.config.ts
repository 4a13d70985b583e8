import { defineConfig, devices } from "@playwright/test";
import { launchOptions, withJsonReport } from "../../playwright.config";

/** Specs whose figures or timing mean something only on a machine they have to themselves. */
const ALONE = ["crash.spec.ts", "floods.spec.ts", "load.spec.ts", "sign-in-load.spec.ts"];
/** The Quick start in the order test-then-dev: it copies what every other spec left behind. */
const LAST = ["test-then-dev.spec.ts"];
/**
 * The longest spec, whose tests run in order (each form starts from what the ones before it
 * stored): a project of its own, listed first, so that one worker starts it at once while the
 * other takes the rest, and neither waits alone for it at the end.
 */
const LONGEST = ["inputs.spec.ts"];

/**
 * The reliability suite: every door, bad input, scripts, load, crashes, backups,
 * sessions. Each spec starts its own production server(s) on its own copy of a prepared
 * database (see server.ts), because these tests kill servers, hash the whole database or load
 * it: they must not share a server with anything else. Most specs run two at a time; those that
 * load the machine or measure it run one at a time after them, and test-then-dev runs last. A
 * failure in an earlier group leaves the later ones not run (Playwright's project dependencies).
 */
export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  // Its own artifacts folder, which Playwright empties when the suite starts (see the e2e config).
  outputDir: "../../test-results/reliability",
  globalSetup: "./global-setup.ts",
  fullyParallel: false,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: withJsonReport([["list"]]),
  timeout: 240_000,
  expect: { timeout: 15_000 },
  use: { trace: "retain-on-failure", launchOptions, ...devices["Desktop Chrome"] },
  projects: [
    { name: "longest", testMatch: LONGEST },
    { name: "reliability", testIgnore: [...LONGEST, ...ALONE, ...LAST] },
    { name: "alone", testMatch: ALONE, workers: 1, dependencies: ["longest", "reliability"] },
    { name: "last", testMatch: LAST, workers: 1, dependencies: ["alone"] },
  ],
});
