// Runs Lighthouse (its Node API) in the Chromium scripts/chromium.mjs finds, with no network
// beyond the page: shared by `npm run audit` and tests/e2e/lighthouse.spec.ts.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { installedChromium } from "./chromium.mjs";

const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * Audits one address in a fresh browser and returns Lighthouse's result: scores (0 to 1) by
 * category id, and the audits that scored below 1 in those categories, to say why.
 * @param {string} url
 * @param {{ categories: string[], desktop?: boolean }} options
 */
export async function runLighthouse(url, { categories, desktop = false }) {
  const chrome = await chromeLauncher.launch({
    chromePath: installedChromium(),
    chromeFlags: CHROME_FLAGS,
    logLevel: "error",
  });
  try {
    const flags = {
      port: chrome.port,
      logLevel: "error",
      output: "json",
      onlyCategories: categories,
    };
    const config = desktop ? (await import("lighthouse")).desktopConfig : undefined;
    const result = await lighthouse(url, flags, config);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    /** @type {Record<string, number>} */
    const scores = {};
    /** @type {string[]} */
    const failing = [];
    for (const id of categories) {
      const category = lhr.categories[id];
      scores[id] = category?.score ?? 0;
      for (const ref of category?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
          failing.push(`${id}/${ref.id} (${audit.score}): ${audit.title}`);
        }
      }
    }
    return { scores, failing, lhr };
  } finally {
    chrome.kill();
  }
}
