import { randomBytes } from "node:crypto";
import { defineConfig, devices, type ReporterDescription } from "@playwright/test";
import { chromiumExecutable } from "./scripts/chromium.mjs";

const PORT = Number(process.env.E2E_PORT ?? 3100);
/**
 * A host name, not 127.0.0.1: browsers refuse passkeys (WebAuthn) at an IP address, and the
 * site's address is where passkeys are bound (tests/e2e/passkeys.spec.ts). The server listens
 * on the same name (scripts/loopback.mjs).
 */
export const BASE_URL = `http://localhost:${PORT}`;
/**
 * The port of the pages the source-fetch spec serves (tests/e2e/source-fetch.spec.ts): the one
 * address the server's fetcher may reach though it is local (SOURCE_FETCH_ALLOW_HOSTS).
 */
export const SOURCE_PAGES_PORT = Number(process.env.E2E_SOURCE_PAGES_PORT ?? PORT + 1000);
/** The suggestions spec's own page server: specs run in parallel, each needs its own port. */
export const SUGGESTION_PAGES_PORT = SOURCE_PAGES_PORT + 1;
/** The server's database; tests' fixtures write to it directly (tests/fixtures.ts). */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";

/**
 * `npm test` reads each suite's counts from a JSON report when it names a file for it
 * (scripts/test/run.ts); the reporters people read stay as they are.
 */
export function withJsonReport(reporters: ReporterDescription[]): ReporterDescription[] {
  return process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ? [...reporters, ["json"]] : reporters;
}

/** Chromium as this machine and CI have it (docs/testing.md); the reliability suite's too. */
export const launchOptions = {
  executablePath: chromiumExecutable(),
  args: [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  // Each suite keeps its artifacts (traces, screenshots) in a folder of its own: Playwright
  // empties its output folder when a run starts, and a shared one lost the earlier suites'.
  outputDir: "test-results/e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: withJsonReport(process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]]),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // Production build on a fresh database (see scripts/e2e-server.mjs).
    command: "node scripts/e2e-server.mjs",
    url: `${BASE_URL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATABASE_URL: E2E_DATABASE_URL,
      BETTER_AUTH_URL: BASE_URL,
      BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? randomBytes(32).toString("base64url"),
      // The production build runs the tests, so the allow-list needs its confirmation too.
      SOURCE_FETCH_ALLOW_HOSTS: `127.0.0.1:${SOURCE_PAGES_PORT},127.0.0.1:${SUGGESTION_PAGES_PORT}`,
      SOURCE_FETCH_ALLOW_IN_PRODUCTION: "yes",
    },
  },
});
