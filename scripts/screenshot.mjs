// Takes the README's screenshot of the event page: node scripts/screenshot.mjs [base URL]
// against a running server (default http://127.0.0.1:3000), in Debian's Chromium or
// CHROMIUM_PATH, into docs/event-page.png.
import fs from "node:fs";
import { chromium } from "@playwright/test";
import { chromiumExecutable } from "./chromium.mjs";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const browser = await chromium.launch({ executablePath: chromiumExecutable() });
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
  await page.goto(`${base}/events/victory-day-parade-2025`, { waitUntil: "networkidle" });
  fs.mkdirSync("docs", { recursive: true });
  await page.screenshot({ path: "docs/event-page.png", fullPage: true });
  console.log(`docs/event-page.png: ${fs.statSync("docs/event-page.png").size} bytes`);
} finally {
  await browser.close();
}
