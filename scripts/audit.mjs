// npm run audit: Lighthouse, all four categories, on the event page and the source page of the
// production build, in Debian's Chromium with Lighthouse's default (mobile) settings, or
// desktop ones with --desktop. Each page is audited AUDIT_RUNS times (3) and the median score
// counts: performance varies from run to run, which is why it is checked here and not in the
// tests. Fails below: performance 95, accessibility 100, best practices 95, SEO 95.
//
// By default builds and starts its own server (scripts/e2e-server.mjs) on AUDIT_PORT (3200)
// with a fresh database; AUDIT_SKIP_BUILD=1 reuses the last build; AUDIT_URL audits a server
// that is already running instead.
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { runLighthouse } from "./lighthouse-run.mjs";
import { LOOPBACK_HOST } from "./loopback.mjs";

const MINIMUM = { performance: 0.95, accessibility: 1, "best-practices": 0.95, seo: 0.95 };
const CATEGORIES = Object.keys(MINIMUM);
const EVENT = process.env.AUDIT_EVENT ?? "victory-day-parade-2025";
const RUNS = Number(process.env.AUDIT_RUNS ?? 3);
const desktop = process.argv.includes("--desktop");

async function startServer() {
  const port = process.env.AUDIT_PORT ?? "3200";
  const base = `http://${LOOPBACK_HOST}:${port}`;
  const server = spawn("node", ["scripts/e2e-server.mjs"], {
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
    env: {
      ...process.env,
      PORT: port,
      DATABASE_URL: "file:./data/audit.db",
      E2E_SKIP_BUILD: process.env.AUDIT_SKIP_BUILD ?? "",
    },
  });
  const stop = () => {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  for (let waited = 0; waited < 300; waited++) {
    if (server.exitCode !== null) throw new Error("The server stopped before it was ready.");
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, stop };
    } catch {
      // not listening yet
    }
    await sleep(1000);
  }
  stop();
  throw new Error("The server did not answer within 5 minutes.");
}

const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];

const { base, stop } = process.env.AUDIT_URL
  ? { base: process.env.AUDIT_URL.replace(/\/$/, ""), stop: () => {} }
  : await startServer();
let failed = false;
try {
  const api = await fetch(`${base}/api/events/${EVENT}/attendance`);
  if (!api.ok) throw new Error(`No event "${EVENT}" at ${base} (${api.status}).`);
  const sourceId = (await api.json()).entries[0].citations[0].source.id;
  const pages = [`${base}/events/${EVENT}`, `${base}/sources/${sourceId}`];

  console.log(`Lighthouse, ${desktop ? "desktop" : "mobile"}, median of ${RUNS} runs`);
  for (const url of pages) {
    const runs = [];
    for (let i = 0; i < RUNS; i++)
      runs.push(await runLighthouse(url, { categories: CATEGORIES, desktop }));
    const row = CATEGORIES.map((category) => {
      const score = median(runs.map((r) => r.scores[category]));
      const ok = score >= MINIMUM[category];
      failed ||= !ok;
      return `${category} ${Math.round(score * 100)}${ok ? "" : " (too low)"}`;
    });
    console.log(`${new URL(url).pathname}: ${row.join(", ")}`);
    const below = [...new Set(runs.flatMap((r) => r.failing))];
    if (below.length > 0) console.log(`  audits below 1 in some run: ${below.join("; ")}`);
  }
} finally {
  stop();
}
process.exit(failed ? 1 : 0);
