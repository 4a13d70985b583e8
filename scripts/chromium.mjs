// @ts-check
// Where Chromium is: the one rule for the Playwright configs, `npm test`'s set-up, Lighthouse,
// the screenshot script and the benchmark (docs/testing.md).
import fs from "node:fs";
import { chromium } from "@playwright/test";

/**
 * Debian's Chromium: first its headless shell (package `chromium-headless-shell`), which the
 * tests need (they run headless) and which takes less CPU than the full browser in headless
 * mode; then the full browser (package `chromium`), binary and wrapper script.
 */
export const DEBIAN_CHROMIUM = [
  "/usr/lib/chromium/chromium-headless-shell",
  "/usr/bin/chromium-headless-shell",
  "/usr/lib/chromium/chromium",
  "/usr/bin/chromium",
];

/**
 * The executable to launch: `CHROMIUM_PATH` when set (even if it does not exist, so a wrong
 * path fails loudly instead of silently using another browser), else Debian's Chromium, else
 * undefined, which Playwright reads as its own browser.
 * @param {Record<string, string | undefined>} [env]
 * @param {(file: string) => boolean} [exists]
 * @returns {string | undefined}
 */
export function chromiumExecutable(env = process.env, exists = fs.existsSync) {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return DEBIAN_CHROMIUM.find((file) => exists(file));
}

/** Where Playwright's own Chromium is or would be (`npx playwright install chromium`). */
export function playwrightChromium() {
  return chromium.executablePath();
}

/**
 * A Chromium that exists on this machine, by the same rule, Playwright's own included; for
 * tools that need a file rather than Playwright's default (Lighthouse), or to say none is there.
 * @returns {string | undefined}
 */
export function installedChromium() {
  const file = chromiumExecutable() ?? playwrightChromium();
  return fs.existsSync(file) ? file : undefined;
}
