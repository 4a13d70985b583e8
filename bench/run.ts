/**
 * npm run bench [-- --quick] [-- --seconds <n>] [-- --reuse-db] [-- --no-build] [-- --wait-quiet]
 *                [-- --postgres] [-- --instances <n>]
 *                [-- --export-only [--rounds <n>] [--cpu-prof]]
 *
 * Generates a scale database in bench/.work/, builds and starts the production server on it,
 * loads it with autocannon from a second process beside the baselines that set this machine's
 * ceilings, times a whole-site export, makes one edit, and prints and writes the figures
 * (bench/results.json; with --quick, bench/.work/results-quick.json so the committed figures
 * stay). Not part of `npm test`: timings do not belong in tests.
 *
 * --postgres copies the generated data into PostgreSQL (bench/postgres.ts) and runs the same
 * targets on it; its figures go to bench/.work/results-postgres[-quick].json, and baseline (c)
 * (the sqlite3 tool) is skipped.
 *
 * With nginx (NGINX_PATH, else /usr/sbin/nginx) it also loads the event page from nginx's own
 * cache (deploy/nginx.conf in front of the server), counting nginx's CPU beside node:http.
 *
 * --instances <n> (with --postgres) adds the admin list and the event page through nginx in
 * front of one instance and of n instances sharing the database and a Redis page cache
 * (bench/instances.ts; needs BENCH_REDIS_URL or TEST_REDIS_URL, and nginx).
 *
 * --export-only times the whole-site export and baseline (c) alone, in turns over --rounds
 * rounds, and prints them without writing a results file; --cpu-prof makes the server write a
 * V8 CPU profile into bench/.work/profiles when it stops.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { createEditor } from "../lib/auth/editors";
import type { AttendanceStatus } from "../lib/attendance/status";
import { createPrismaClient } from "../lib/database";
import { measureClientJs, type ClientJs } from "./client-js";
import { timeEdit, type EditResult } from "./edit";
import { exportSql } from "./export-sql";
import { runLighthouse } from "../scripts/lighthouse-run.mjs";
import { benchPostgresUrl, copyToPostgres, samplePostgresEntry } from "./postgres";
import { redactUrl } from "../lib/database-url.mjs";
import { FULL_SCALE, QUICK_SCALE, generateScaleDatabase, type ScaleSummary } from "./generate";
import { instancesSetup, measureInstances } from "./instances";
import { runLoad, type LoadResult } from "./load";
import { LOOPBACK_HOST } from "../scripts/loopback.mjs";
import { startNginx } from "../scripts/nginx";
import { timeSuggestions, type SuggestionsResult } from "./suggestions";
import {
  children,
  cpuMs,
  findNextServerPid,
  memoryMiB,
  resetPeakMemory,
  startServer,
  stopServer,
  waitForHttp,
  type Server,
} from "./processes";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WORK = path.join(ROOT, "bench", ".work");
const PUBLIC_DIR = path.join(ROOT, "public");
/** Baseline (a): the event page's bytes as a file under public/, for the lifetime of the run. */
const STATIC_NAME = "bench-event-page.html";
/** BENCH_PORT (and the next one, for baseline b): several checkouts can bench side by side. */
const NEXT_PORT = Number(process.env.BENCH_PORT ?? 3502);
const NODE_PORT = NEXT_PORT + 1;
const CONNECTIONS = 32;
const LIGHTHOUSE_RUNS = 3;
/** The smallest page rendered per request: the floor under the admin pages. */
const FLOOR = "sign-in form (dynamic floor)";
/** The event page from nginx's own cache (deploy/nginx.conf), nginx's CPU: beside node:http. */
const THROUGH_NGINX = "event page, nginx's cache";
/** nginx for THROUGH_NGINX: NGINX_PATH, else Debian's; the target is skipped without one. */
const NGINX_BIN = process.env.NGINX_PATH ?? "/usr/sbin/nginx";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const onPostgres = args.includes("--postgres");
const instancesArg = args.indexOf("--instances");
const instances = instancesArg >= 0 ? Number(args[instancesArg + 1]) : 0;
if (instancesArg >= 0 && !(Number.isInteger(instances) && instances >= 1 && instances <= 8)) {
  throw new Error("--instances takes a number of instances from 1 to 8.");
}
if (instances > 0 && !onPostgres) {
  throw new Error("--instances needs --postgres: several instances share a PostgreSQL database.");
}
const instancesEnv = instances > 0 ? instancesSetup(process.env) : undefined;
const secondsArg = args.indexOf("--seconds");
const seconds = secondsArg >= 0 ? Number(args[secondsArg + 1]) : quick ? 3 : 10;
const warmupSeconds = quick ? 1 : 3;
/** Rounds of the event page and its baselines (a) and (b), taking turns. */
const ROUNDS = quick ? 1 : 3;
const exportOnly = args.includes("--export-only");
const roundsArg = args.indexOf("--rounds");
/** Rounds of the export and baseline (c), taking turns. */
const EXPORT_ROUNDS = roundsArg >= 0 ? Number(args[roundsArg + 1]) : ROUNDS;
if (!(Number.isInteger(EXPORT_ROUNDS) && EXPORT_ROUNDS >= 1)) {
  throw new Error("--rounds takes a number of rounds, 1 or more.");
}
const PROFILE_DIR = path.join(WORK, "profiles");
/** The whole-site export's goals: its time over the sqlite3 tool's (c), and its RSS growth. */
const EXPORT_GOAL = { overSqlite3: 1.5, rssGrowthMiB: 100 };
/** With --wait-quiet, each target waits (up to 3 minutes) for a 1-minute load average below this. */
const QUIET_LOAD = 2;
const scale = quick ? QUICK_SCALE : FULL_SCALE;
const dbFile = path.join(WORK, quick ? "scale-quick.db" : "scale.db");
const resultsFile = onPostgres
  ? path.join(WORK, `results-postgres${quick ? "-quick" : ""}.json`)
  : quick
    ? path.join(WORK, "results-quick.json")
    : path.join(ROOT, "bench", "results.json");
const origin = `http://${LOOPBACK_HOST}:${NEXT_PORT}`;

const log = (message: string) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

async function waitForQuiet() {
  if (!args.includes("--wait-quiet")) return;
  const deadline = Date.now() + 180_000;
  while (os.loadavg()[0]! >= QUIET_LOAD && Date.now() < deadline) {
    log(`waiting for a quieter machine (load average ${round(os.loadavg()[0]!, 2)})`);
    await new Promise((resolve) => setTimeout(resolve, 15_000));
  }
}

// ---- Build ----

/**
 * `next build` into bench/.work/next (NEXT_DIST_DIR), never the app's .next: the app's build
 * and its page cache stay as they were. Always unless --no-build, which reuses the last
 * bench build (its page cache serves only pages of the database it is started on).
 */
function build(env: NodeJS.ProcessEnv): { seconds: number; skipped: boolean } {
  if (args.includes("--no-build")) {
    log("not rebuilding (--no-build): the last bench build is started as it is");
    return { seconds: 0, skipped: true };
  }
  const next = path.join(ROOT, "node_modules", ".bin", "next");
  // The build type-checks what tsconfig.json includes, the route types of the app's own .next
  // among them: brought up to date first, as a route removed since the app's last build or dev
  // server would otherwise fail this build on types that no longer exist.
  const appEnv = { ...env };
  delete appEnv.NEXT_DIST_DIR;
  const typegen = spawnSync(next, ["typegen"], { cwd: ROOT, env: appEnv, stdio: "inherit" });
  if (typegen.status !== 0) throw new Error(`next typegen failed (${typegen.status})`);
  log("next build");
  const started = performance.now();
  const result = spawnSync(next, ["build"], { cwd: ROOT, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`next build failed (${result.status})`);
  return { seconds: round((performance.now() - started) / 1000), skipped: false };
}

// ---- Sign-in ----

/**
 * The pages the benchmark loads besides the event's list, from the generated database (the
 * PostgreSQL run copies it, ids and all): an entry of the sample event that cites a source, its
 * leader and that source, and the event's day, for a day's list.
 */
function samplePages(file: string, slug: string) {
  const db = new Database(file, { readonly: true });
  try {
    const row = db
      .prepare(
        `SELECT e.date AS date, a.id AS entry, a.leaderId AS leader, c.sourceId AS source
         FROM "Event" e JOIN "Attendance" a ON a.eventId = e.id
         JOIN "StatusStep" s ON s.attendanceId = a.id JOIN "Citation" c ON c.stepId = s.id
         WHERE e.slug = ? ORDER BY a.id LIMIT 1`,
      )
      .get(slug) as { date: string; entry: number; leader: number; source: number } | undefined;
    if (!row) throw new Error(`the sample event ${slug} has no entry with a citation`);
    return { ...row, day: row.date.slice(0, 10) };
  } finally {
    db.close();
  }
}

async function signIn(email: string, password: string): Promise<{ name: string; value: string }[]> {
  const response = await fetch(`${origin}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email, password }),
    redirect: "manual",
  });
  if (!response.ok)
    throw new Error(`sign-in failed: HTTP ${response.status} ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((line) => {
    const pair = line.split(";")[0]!;
    const at = pair.indexOf("=");
    return { name: pair.slice(0, at), value: pair.slice(at + 1) };
  });
  if (!cookies.some((c) => c.name.endsWith("session_token")))
    throw new Error("sign-in set no session cookie");
  return cookies;
}

// ---- Export ----

type ExportResult =
  | { skipped: string }
  | {
      seconds: number;
      /** The server's CPU time (user + system) over the export: steadier than the seconds. */
      serverCpuSeconds: number;
      /** The response's Content-Encoding (the client asks for gzip, as browsers do). */
      encoding: string;
      bytes: number;
      rows: number;
      rssBeforeMiB: number;
      rssPeakMiB: number;
      rssGrowthMiB: number;
      peakFrom: string;
    };

async function* chunksOf(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/** Reads a CSV stream to the end, counting bytes and records (newlines outside quotes). */
async function countCsv(stream: AsyncIterable<Uint8Array>) {
  let bytes = 0;
  let rows = 0;
  let quoted = false;
  for await (const chunk of stream) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (c === 0x22) quoted = !quoted;
      else if (c === 0x0a && !quoted) rows++;
    }
  }
  return { bytes, rows };
}

async function timeHttpExport(serverPid: number): Promise<ExportResult> {
  const probe = await fetch(`${origin}/attendance.csv`, { method: "HEAD" });
  if (probe.status === 404)
    return { skipped: "GET /attendance.csv answers 404: the export is not on this branch yet" };

  const rssBeforeMiB = memoryMiB(serverPid, "VmRSS");
  const canReset = resetPeakMemory(serverPid);
  let sampledPeak = rssBeforeMiB;
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, memoryMiB(serverPid, "VmRSS"));
  }, 20);
  const started = performance.now();
  const cpuBefore = cpuMs(serverPid);
  try {
    const response = await fetch(`${origin}/attendance.csv`);
    if (!response.ok || !response.body) throw new Error(`export failed: HTTP ${response.status}`);
    const { bytes, rows } = await countCsv(chunksOf(response.body));
    const secondsTaken = (performance.now() - started) / 1000;
    const hwm = canReset ? memoryMiB(serverPid, "VmHWM") : 0;
    const peak = Math.max(sampledPeak, hwm);
    return {
      seconds: round(secondsTaken, 2),
      serverCpuSeconds: round((cpuMs(serverPid) - cpuBefore) / 1000, 2),
      encoding: response.headers.get("content-encoding") ?? "identity",
      bytes,
      rows,
      rssBeforeMiB: round(rssBeforeMiB),
      rssPeakMiB: round(peak),
      rssGrowthMiB: round(peak - rssBeforeMiB),
      peakFrom: canReset
        ? "VmHWM after a reset (clear_refs), and VmRSS sampled every 20 ms"
        : "VmRSS sampled every 20 ms",
    };
  } finally {
    clearInterval(sampler);
  }
}

type SqliteExportResult = { skipped: string } | { seconds: number; bytes: number; rows: number };

async function timeSqliteExport(): Promise<SqliteExportResult> {
  const sqlite3 = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].find((p) => fs.existsSync(p));
  if (!sqlite3)
    return {
      skipped: "no sqlite3 command-line tool (Debian package sqlite3); baseline (c) skipped",
    };
  const started = performance.now();
  const child = spawn(sqlite3, ["-readonly", "-bail", "-csv", "-header", dbFile], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(exportSql(origin));
  const counted = countCsv(child.stdout);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const { bytes, rows } = await counted;
  if (code !== 0) throw new Error(`sqlite3 failed (${code}): ${stderr}`);
  return { seconds: round((performance.now() - started) / 1000, 2), bytes, rows };
}

type ExportRound = {
  exportSeconds: number;
  sqlite3Seconds: number | null;
  ratio: number | null;
  rssGrowthMiB: number;
};

/**
 * The whole-site export and baseline (c), in turns over `rounds` rounds: on a shared machine
 * other work comes and goes, so each round's ratio is of two runs taken one after the other.
 * `export` and `sqliteExport` are the median round's (by ratio, or by time on PostgreSQL).
 */
async function compareExports(
  serverPid: number,
  rounds: number,
): Promise<{ export: ExportResult; sqliteExport: SqliteExportResult; rounds: ExportRound[] }> {
  const runs: {
    export: Extract<ExportResult, { seconds: number }>;
    sqliteExport: SqliteExportResult;
  }[] = [];
  for (let turn = 0; turn < rounds; turn++) {
    await waitForQuiet();
    log(`whole-site export over HTTP (round ${turn + 1} of ${rounds})`);
    const exported = await timeHttpExport(serverPid);
    log(`export: ${JSON.stringify(exported)}`);
    if (!("seconds" in exported)) return { export: exported, sqliteExport: exported, rounds: [] };
    log("the same rows with the sqlite3 command-line tool");
    const sqliteExport: SqliteExportResult = onPostgres
      ? { skipped: "the database is PostgreSQL; baseline (c) is the sqlite3 tool" }
      : await timeSqliteExport();
    log(`sqlite3: ${JSON.stringify(sqliteExport)}`);
    runs.push({ export: exported, sqliteExport });
  }
  const each = runs.map((run): ExportRound => {
    const sqlite3Seconds = "seconds" in run.sqliteExport ? run.sqliteExport.seconds : null;
    return {
      exportSeconds: run.export.seconds,
      sqlite3Seconds,
      ratio: sqlite3Seconds ? round(run.export.seconds / sqlite3Seconds, 3) : null,
      rssGrowthMiB: run.export.rssGrowthMiB,
    };
  });
  const order = each
    .map((r, i) => ({ key: r.ratio ?? r.exportSeconds, i }))
    .toSorted((a, b) => a.key - b.key);
  const median = runs[order[Math.floor(order.length / 2)]!.i]!;
  return { export: median.export, sqliteExport: median.sqliteExport, rounds: each };
}

// ---- The run ----

type Results = {
  ranAt: string;
  quick: boolean;
  machine: {
    cpus: number;
    model: string;
    memoryGiB: number;
    node: string;
    loadAverageAtStart: number[];
    loadAverageAtEnd?: number[];
  };
  settings: { connections: number; secondsPerTarget: number; warmupSeconds: number };
  data?: ScaleSummary;
  build?: { seconds: number; skipped: boolean };
  serverRssAfterLoadMiB?: number;
  load: Record<string, LoadResult>;
  /** req/s of each round of the event page and its baselines; `load` holds the median round. */
  rounds?: Record<string, number[]>;
  /** CPU ms/request of each round of the admin list and its floor; `load` holds the median. */
  cpuRounds?: Record<string, number[]>;
  /** The median round of the export and of baseline (c); `exportRounds` has every round. */
  export?: ExportResult;
  sqliteExport?: SqliteExportResult;
  exportRounds?: ExportRound[];
  edit?: EditResult;
  /** Claim suggestions for a 20,000-character source, server CPU per run (bench/suggestions.ts). */
  suggestions?: SuggestionsResult;
  clientJs?: ClientJs[];
  /** Lighthouse's mobile performance score of the event page, each run and their median. */
  lighthouse?: { scores: number[]; median: number };
  ratios?: {
    eventPageOverStaticFile: number | null;
    eventPageOverNodeHttp: number | null;
    exportOverSqlite3: number | null;
  };
  /** Node's CPU ms over the whole THROUGH_NGINX target, warm-up included: what reached Node. */
  nodeCpuMsBehindNginx?: number;
  /** Through nginx in front of 1 and of --instances instances: target → figures. */
  instances?: Record<string, Record<string, LoadResult>>;
  /** Server CPU per request of one target over another's, named "target / target". */
  cpuRatios?: Record<string, number | null>;
  targets?: Record<string, { goal: string; value: number | string | null; met: boolean | null }>;
};

function sampleEntry(file: string, slug: string): { id: number; status: AttendanceStatus } {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT a.id AS id, a.status AS status FROM "Attendance" a JOIN "Event" e ON e.id = a.eventId WHERE e.slug = ? ORDER BY a.id LIMIT 1`,
      )
      .get(slug) as { id: number; status: AttendanceStatus };
  } finally {
    db.close();
  }
}

function printTable(results: Results) {
  const through = Object.entries(results.instances ?? {}).flatMap(([label, figures]) =>
    Object.entries(figures).map(([name, r]) => [`${name} (${label})`, r] as const),
  );
  const rows = [...Object.entries(results.load), ...through].map(([name, r]) => [
    name,
    String(r.serverCpuMsPerRequest ?? ""),
    String(Math.round(r.requestsPerSecond)),
    String(r.p50Ms),
    String(r.p99Ms),
    String(round(r.bytesPerResponse / 1024)),
    String(r.failures),
    String(round(r.loadAverage)),
  ]);
  const header = [
    "target",
    "CPU ms/req",
    "req/s",
    "p50 ms",
    "p99 ms",
    "KiB/resp",
    "failures",
    "load avg",
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const row of rows) console.log(line(row));
  console.log("");
  if (results.export) console.log("export:", JSON.stringify(results.export));
  if (results.sqliteExport) console.log("sqlite3 baseline:", JSON.stringify(results.sqliteExport));
  if (results.exportRounds) console.log("export rounds:", JSON.stringify(results.exportRounds));
  if (results.edit) console.log("edit:", JSON.stringify(results.edit));
  if (results.suggestions) console.log("suggestions:", JSON.stringify(results.suggestions));
  for (const page of results.clientJs ?? []) {
    console.log(
      `client JS ${page.path}: ${page.scripts} scripts, ${round(page.scriptBytes / 1024)} KiB (${round(page.scriptGzipBytes / 1024)} KiB gzip), of which the app's own ${round(page.appChunks.reduce((n, c) => n + c.bytes, 0) / 1024)} KiB (${page.appChunks.map((c) => c.marker).join("; ") || "none"}); HTML ${round(page.htmlBytes / 1024)} KiB, of which inline scripts ${round(page.inlineScriptBytes / 1024)} KiB`,
    );
  }
  console.log("ratios:", JSON.stringify(results.ratios));
  console.log("server CPU per request, ratios:", JSON.stringify(results.cpuRatios));
  for (const [name, t] of Object.entries(results.targets ?? {})) {
    console.log(
      `${t.met === null ? "skipped" : t.met ? "met    " : "MISSED "}  ${name}: ${t.value ?? "n/a"} (goal ${t.goal})`,
    );
  }
}

async function main() {
  const results: Results = {
    ranAt: new Date().toISOString(),
    quick,
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model ?? "unknown",
      memoryGiB: round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverageAtStart: os.loadavg().map((n) => round(n, 2)),
    },
    settings: { connections: CONNECTIONS, secondsPerTarget: seconds, warmupSeconds },
    load: {},
  };
  fs.mkdirSync(WORK, { recursive: true });

  if (args.includes("--reuse-db") && fs.existsSync(dbFile) && fs.existsSync(`${dbFile}.json`)) {
    results.data = JSON.parse(fs.readFileSync(`${dbFile}.json`, "utf8")) as ScaleSummary;
    log(`reusing ${path.relative(ROOT, dbFile)} (edits of earlier runs included)`);
  } else {
    log(
      `generating ${path.relative(ROOT, dbFile)}: ${scale.events} events, ${scale.events * scale.entriesPerEvent} entries`,
    );
    results.data = await generateScaleDatabase(dbFile, scale);
    fs.writeFileSync(`${dbFile}.json`, JSON.stringify(results.data, null, 2));
  }
  const data = results.data;
  log(`data: ${JSON.stringify(data)}`);
  let databaseUrl = `file:${dbFile}`;
  if (onPostgres) {
    const target = benchPostgresUrl(quick);
    log(`copying the data into PostgreSQL (${redactUrl(target.url)})`);
    const started = performance.now();
    const copied = await copyToPostgres(dbFile, target.admin, target.url);
    log(`copied ${JSON.stringify(copied)} in ${round((performance.now() - started) / 1000)} s`);
    databaseUrl = target.url;
  }

  const editor = {
    email: `bench-${randomBytes(4).toString("hex")}@rollcall.local`,
    name: "Benchmark editor",
    password: randomBytes(18).toString("base64url"),
  };
  const prisma = createPrismaClient(databaseUrl);
  try {
    await createEditor(prisma, { ...editor, role: "admin" });
  } finally {
    await prisma.$disconnect();
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    BETTER_AUTH_URL: origin,
    NEXT_DIST_DIR: path.relative(ROOT, path.join(WORK, "next")),
  };
  results.build = build(env);

  const staticFile = path.join(PUBLIC_DIR, STATIC_NAME);
  const createdPublicDir = !fs.existsSync(PUBLIC_DIR);
  let next: Server | undefined;
  let nodeBaseline: Server | undefined;
  const cleanUp = async () => {
    await stopServer(nodeBaseline);
    await stopServer(next);
    fs.rmSync(staticFile, { force: true });
    if (createdPublicDir) fs.rmSync(PUBLIC_DIR, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void cleanUp().then(() => process.exit(130)));

  try {
    // Next serves the files public/ held when it started; the bytes are the event page's,
    // written once the server can render it, and checked below.
    fs.mkdirSync(PUBLIC_DIR, { recursive: true });
    fs.writeFileSync(staticFile, "placeholder");
    // Another server on the port would be measured in this one's place.
    for (const url of [origin, `http://127.0.0.1:${NODE_PORT}`]) {
      const taken = await fetch(`${url}/`).then(
        () => true,
        () => false,
      );
      if (taken) throw new Error(`${url} is in use: stop that server or set BENCH_PORT`);
    }
    const nextBin = path.join(ROOT, "node_modules", ".bin", "next");
    const nextArgs = ["start", "-p", String(NEXT_PORT), "-H", LOOPBACK_HOST];
    // Node refuses --cpu-prof in NODE_OPTIONS: it goes to the node that runs next itself.
    next = args.includes("--cpu-prof")
      ? startServer(
          process.execPath,
          ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`, nextBin, ...nextArgs],
          { cwd: ROOT, env, port: NEXT_PORT },
        )
      : startServer(nextBin, nextArgs, { cwd: ROOT, env, port: NEXT_PORT });
    await waitForHttp(`${origin}/api/health`);
    const serverPid = findNextServerPid(next.child.pid!);
    log(`next start: pid ${next.child.pid}, serving from pid ${serverPid}`);
    if (exportOnly) {
      const compared = await compareExports(serverPid, EXPORT_ROUNDS);
      console.log("export rounds:", JSON.stringify(compared.rounds));
      console.log("median round's export:", JSON.stringify(compared.export));
      console.log("median round's sqlite3:", JSON.stringify(compared.sqliteExport));
      const median = compared.rounds.map((r) => r.ratio ?? Infinity).toSorted((a, b) => a - b)[
        Math.floor(compared.rounds.length / 2)
      ];
      const growth = Math.max(...compared.rounds.map((r) => r.rssGrowthMiB));
      console.log(
        `export / sqlite3 (c), median round: ${median} (goal <= ${EXPORT_GOAL.overSqlite3}); ` +
          `largest RSS growth ${growth} MiB (goal <= ${EXPORT_GOAL.rssGrowthMiB})`,
      );
      return;
    }

    const home = await (await fetch(`${origin}/`)).text();
    if (!home.includes("/events/bench-event-")) {
      throw new Error("the home page is not this database's: a cached page of another run?");
    }
    const eventPath = `/events/${data.sampleEventSlug}`;
    await fetch(origin + eventPath).then((r) => r.arrayBuffer());
    const eventPage = Buffer.from(await (await fetch(origin + eventPath)).arrayBuffer());
    fs.writeFileSync(staticFile, eventPage);
    const served = Buffer.from(await (await fetch(`${origin}/${STATIC_NAME}`)).arrayBuffer());
    if (!served.equals(eventPage)) throw new Error("public/ does not serve the event page's bytes");
    const bytesFile = path.join(WORK, "event-page.html");
    fs.writeFileSync(bytesFile, eventPage);
    log(`event page: ${eventPage.length} bytes`);

    const cookies = await signIn(editor.email, editor.password);
    const cookieHeader = { Cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") };
    const adminCheck = await (
      await fetch(`${origin}/admin`, { headers: cookieHeader, redirect: "manual" })
    ).text();
    if (!adminCheck.includes(">Entries</h1>"))
      throw new Error("the session cookie does not open /admin");

    nodeBaseline = startServer(
      process.execPath,
      [path.join(ROOT, "bench", "node-baseline.mjs"), bytesFile, String(NODE_PORT)],
      { cwd: ROOT, env: process.env, port: NODE_PORT },
    );
    await waitForHttp(`http://127.0.0.1:${NODE_PORT}/`);

    const nodePid = nodeBaseline.child.pid!;
    const pages = samplePages(dbFile, data.sampleEventSlug);
    const adminSearch = `${origin}/admin?q=${encodeURIComponent(data.sampleSearch)}`;
    type Target = {
      name: string;
      url: string;
      headers?: Record<string, string>;
      pid?: number | number[];
      connections?: number;
    };
    const targets: Target[] = [
      { name: "static file (a)", url: `${origin}/${STATIC_NAME}` },
      { name: "event page", url: origin + eventPath },
      { name: "node:http (b)", url: `http://127.0.0.1:${NODE_PORT}/`, pid: nodePid },
      { name: "home page", url: `${origin}/` },
      { name: "event page, filtered", url: `${origin}${eventPath}?status=confirmed` },
      // A search and a day are cached per query (app/events/[slug]/query), as a reader's
      // repeated search is: the first request of each renders it.
      { name: "event page, searched", url: `${origin}${eventPath}?q=a` },
      { name: "event page, a day", url: `${origin}${eventPath}?asOf=${pages.day}` },
      // The pages the list links to, and the picture a shared link previews with.
      { name: "entry page", url: `${origin}/attendance/${pages.entry}` },
      { name: "leader page", url: `${origin}/leaders/${pages.leader}` },
      { name: "source page", url: `${origin}/sources/${pages.source}` },
      { name: "events index", url: `${origin}/events` },
      { name: "Open Graph image", url: `${origin}${eventPath}/opengraph-image` },
      { name: "site's Open Graph image", url: `${origin}/opengraph-image` },
      { name: "JSON API", url: `${origin}/api/events/${data.sampleEventSlug}/attendance` },
      { name: "admin list", url: `${origin}/admin`, headers: cookieHeader },
      { name: "admin search", url: adminSearch, headers: cookieHeader },
      // Beyond the targets with goals (docs/benchmark.md): one editor at a time (the latency of a
      // page without queueing behind 31 others), and the event page as browsers ask for it,
      // compressed.
      {
        name: "admin list, 1 connection",
        url: `${origin}/admin`,
        headers: cookieHeader,
        connections: 1,
      },
      {
        name: "admin search, 1 connection",
        url: adminSearch,
        headers: cookieHeader,
        connections: 1,
      },
      { name: "event page, gzip", url: origin + eventPath, headers: { "Accept-Encoding": "gzip" } },
      { name: "event page, br", url: origin + eventPath, headers: { "Accept-Encoding": "br" } },
      // The floor under the admin pages: the smallest page rendered per request (the sign-in
      // form, a few KB, no query) queues behind the same single Node thread.
      { name: FLOOR, url: `${origin}/sign-in` },
      // Next's own floor for any response, a route that reads nothing: for reference.
      { name: "/api/health", url: `${origin}/api/health` },
    ];
    const measure = async (target: Target, warmUp: boolean) => {
      const options = {
        connections: target.connections ?? CONNECTIONS,
        headers: target.headers,
        serverPid: target.pid ?? serverPid,
      };
      if (warmUp) await runLoad(ROOT, target.url, { ...options, seconds: warmupSeconds });
      const result = await runLoad(ROOT, target.url, { ...options, seconds });
      log(
        `${target.name}: ${result.serverCpuMsPerRequest ?? "?"} ms server CPU/request, ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms${result.failures ? `, ${result.failures} FAILURES` : ""}`,
      );
      return result;
    };
    // The event page and its two baselines take turns, several rounds, and each figure is the
    // median round: other work on a shared machine comes and goes within a run.
    const compared = targets.slice(0, 3);
    const rounds: Record<string, LoadResult[]> = {};
    for (let turn = 0; turn < ROUNDS; turn++) {
      await waitForQuiet();
      for (const target of compared) {
        (rounds[target.name] ??= []).push(await measure(target, turn === 0));
      }
    }
    for (const [name, runs] of Object.entries(rounds)) {
      const sorted = runs.toSorted((a, b) => a.requestsPerSecond - b.requestsPerSecond);
      results.load[name] = sorted[Math.floor(sorted.length / 2)]!;
    }
    results.rounds = Object.fromEntries(
      Object.entries(rounds).map(([name, runs]) => [
        name,
        runs.map((r) => Math.round(r.requestsPerSecond)),
      ]),
    );
    // The admin list and its floor take turns as well, and their ratio is the median round's:
    // measured minutes apart, each moved with whatever else the machine did meanwhile (a floor
    // taken last read well above the others'). They are measured where
    // the admin list comes in the list, once the pages before it have warmed the server up.
    const paired = targets.filter((t) => t.name === "admin list" || t.name === FLOOR);
    const cpuRounds: Record<string, LoadResult[]> = {};
    const byCpu = (a: LoadResult, b: LoadResult) =>
      (a.serverCpuMsPerRequest ?? 0) - (b.serverCpuMsPerRequest ?? 0);
    for (const target of targets.slice(3)) {
      if (target.name === FLOOR) continue;
      if (target.name !== "admin list") {
        await waitForQuiet();
        results.load[target.name] = await measure(target, true);
        continue;
      }
      for (let turn = 0; turn < ROUNDS; turn++) {
        await waitForQuiet();
        for (const each of paired) {
          (cpuRounds[each.name] ??= []).push(await measure(each, turn === 0));
        }
      }
      for (const [name, runs] of Object.entries(cpuRounds)) {
        results.load[name] = runs.toSorted(byCpu)[Math.floor(runs.length / 2)]!;
      }
      results.cpuRounds = Object.fromEntries(
        Object.entries(cpuRounds).map(([name, runs]) => [
          name,
          runs.map((r) => r.serverCpuMsPerRequest ?? 0),
        ]),
      );
    }
    if (fs.existsSync(NGINX_BIN)) {
      // deploy/nginx.conf in front of this server: after two requests the event page comes
      // from nginx's cache, so the CPU that counts is nginx's (master and workers).
      const nginx = await startNginx({
        nginx: NGINX_BIN,
        dir: path.join(WORK, "nginx-cache"),
        port: NEXT_PORT + 21,
        upstreams: [NEXT_PORT],
      });
      try {
        const url = nginx.url + eventPath;
        for (let i = 0; i < 2; i++) await fetch(url).then((r) => r.arrayBuffer());
        const probe = await fetch(url);
        const body = Buffer.from(await probe.arrayBuffer());
        if (probe.headers.get("x-cache-status") !== "HIT" || !body.equals(eventPage))
          throw new Error(
            `nginx does not serve the event page from its cache: ${probe.headers.get("x-cache-status")}`,
          );
        const nodeBefore = cpuMs(serverPid);
        await waitForQuiet();
        results.load[THROUGH_NGINX] = await measure(
          { name: THROUGH_NGINX, url, pid: [nginx.pid, ...children(nginx.pid)] },
          true,
        );
        results.nodeCpuMsBehindNginx = round(cpuMs(serverPid) - nodeBefore);
        log(`Node's CPU while nginx served the event page: ${results.nodeCpuMsBehindNginx} ms`);
      } finally {
        await nginx.stop();
      }
    } else {
      log(`no nginx at ${NGINX_BIN} (NGINX_PATH): the event page through nginx is skipped`);
    }
    await stopServer(nodeBaseline);
    results.serverRssAfterLoadMiB = round(memoryMiB(serverPid, "VmRSS"));

    const exports = await compareExports(serverPid, EXPORT_ROUNDS);
    results.export = exports.export;
    results.sqliteExport = exports.sqliteExport;
    results.exportRounds = exports.rounds;

    log("client JavaScript per public page");
    const entry = onPostgres
      ? ((await samplePostgresEntry(databaseUrl, data.sampleEventSlug)) as ReturnType<
          typeof sampleEntry
        >)
      : sampleEntry(dbFile, data.sampleEventSlug);
    const sourceId = Number(/\/sources\/(\d+)#/.exec(eventPage.toString())?.[1] ?? 1);
    // A string of each of the app's client components ("use client"), to tell its chunks from
    // the framework's.
    const appMarkers = [
      "The page could not be shown", // app/error.tsx
      "Quote of citation", // components/admin/attendance-form.tsx
      "Leave empty when unknown", // components/admin/source-form.tsx
      "Two letters, such as VE", // components/admin/leader-form.tsx
      "Signing in…", // components/admin/sign-in-form.tsx
      "Restoring…", // components/admin/revert-form.tsx
    ];
    results.clientJs = [];
    for (const page of [
      "/",
      eventPath,
      `${eventPath}?status=confirmed`,
      "/events",
      `/attendance/${entry.id}`,
      `/sources/${sourceId}`,
    ]) {
      results.clientJs.push(await measureClientJs(origin, page, appMarkers));
    }

    // Lighthouse's mobile performance score of the 50-leader event page, as a reader gets it
    // (from the cache), in Debian's Chromium with Lighthouse's default settings: the median of
    // LIGHTHOUSE_RUNS runs.
    log("Lighthouse (mobile) on the event page");
    const lighthouseRuns = quick ? 1 : LIGHTHOUSE_RUNS;
    const scores: number[] = [];
    for (let run = 0; run < lighthouseRuns; run++) {
      await waitForQuiet();
      const { scores: got } = await runLighthouse(origin + eventPath, {
        categories: ["performance"],
      });
      scores.push(Math.round((got.performance ?? 0) * 100));
    }
    results.lighthouse = {
      scores,
      median: scores.toSorted((a, b) => a - b)[Math.floor(scores.length / 2)]!,
    };
    log(`Lighthouse mobile performance: ${scores.join(", ")}`);

    log("one edit through the entry form");
    const otherEvent = `bench-event-${String(Math.floor(scale.events / 3)).padStart(5, "0")}`;
    results.edit = await timeEdit({
      origin,
      cookies,
      entryId: entry.id,
      eventSlug: data.sampleEventSlug,
      from: entry.status,
      to: entry.status === "declined" ? "confirmed" : "declined",
      untouchedPaths: ["/", `/events/${otherEvent}`],
    });
    log(`edit: ${JSON.stringify(results.edit)}`);

    log("claim suggestions for a 20,000-character source");
    results.suggestions = timeSuggestions({ leaders: scale.leaders });
    log(`suggestions: ${JSON.stringify(results.suggestions)}`);

    if (instancesEnv) {
      await stopServer(next); // idle, but its memory and its pool's connections are not needed
      await waitForQuiet();
      results.instances = await measureInstances({
        root: ROOT,
        work: WORK,
        env,
        counts: [...new Set([1, instances])],
        ...instancesEnv,
        firstPort: NEXT_PORT + 10,
        nginxPort: NEXT_PORT + 20,
        targets: [
          { name: "admin list", path: "/admin", headers: cookieHeader },
          { name: "event page", path: eventPath },
        ],
        connections: CONNECTIONS,
        seconds,
        warmupSeconds,
        log,
      });
    }
  } catch (error) {
    if (next) console.error(next.log.join("").slice(-4000));
    throw error;
  } finally {
    await cleanUp();
  }

  const load = results.load;
  const ratio = (a: number | null, b: number | null) => (a !== null && b ? round(a / b, 3) : null);
  /** The median over the rounds of one target's figure over another's in the same round. */
  const medianRatio = (ours: number[] = [], theirs: number[] = []) => {
    const each = ours.map((n, i) => n / theirs[i]!).toSorted((x, y) => x - y);
    return each.length > 0 ? round(each[Math.floor(each.length / 2)]!, 3) : null;
  };
  const roundRatio = (a: string, b: string) =>
    medianRatio(results.rounds?.[a], results.rounds?.[b]);
  const exportResult = results.export && "seconds" in results.export ? results.export : null;
  const sqliteResult =
    results.sqliteExport && "seconds" in results.sqliteExport ? results.sqliteExport : null;
  /** The export's largest RSS growth over its rounds. */
  const exportRssGrowthMiB = exportResult
    ? Math.max(
        ...(results.exportRounds ?? []).map((r) => r.rssGrowthMiB),
        exportResult.rssGrowthMiB,
      )
    : null;
  results.ratios = {
    eventPageOverStaticFile: roundRatio("event page", "static file (a)"),
    eventPageOverNodeHttp: roundRatio("event page", "node:http (b)"),
    // The median round's (see compareExports).
    exportOverSqlite3: ratio(exportResult?.seconds ?? null, sqliteResult?.seconds ?? null),
  };
  const cpu = (name: string) => load[name]?.serverCpuMsPerRequest ?? null;
  const floor = FLOOR;
  results.cpuRatios = {
    "event page / node:http (b)": ratio(cpu("event page"), cpu("node:http (b)")),
    "event page / static file (a)": ratio(cpu("event page"), cpu("static file (a)")),
    "event page gzip / event page": ratio(cpu("event page, gzip"), cpu("event page")),
    "event page br / event page": ratio(cpu("event page, br"), cpu("event page")),
    "event page filtered / dynamic floor": ratio(cpu("event page, filtered"), cpu(floor)),
    "event page searched / dynamic floor": ratio(cpu("event page, searched"), cpu(floor)),
    "event page a day / dynamic floor": ratio(cpu("event page, a day"), cpu(floor)),
    "entry page / event page": ratio(cpu("entry page"), cpu("event page")),
    "leader page / event page": ratio(cpu("leader page"), cpu("event page")),
    "source page / event page": ratio(cpu("source page"), cpu("event page")),
    "events index / event page": ratio(cpu("events index"), cpu("event page")),
    "Open Graph image / event page": ratio(cpu("Open Graph image"), cpu("event page")),
    "site's Open Graph image / event page": ratio(
      cpu("site's Open Graph image"),
      cpu("event page"),
    ),
    // Its two figures took turns (see cpuRounds): the median round's ratio.
    "admin list / dynamic floor": medianRatio(
      results.cpuRounds?.["admin list"],
      results.cpuRounds?.[floor],
    ),
    "admin search / dynamic floor": ratio(cpu("admin search"), cpu(floor)),
    "JSON API / event page": ratio(cpu("JSON API"), cpu("event page")),
    "admin list / api health": ratio(cpu("admin list"), cpu("/api/health")),
    "event page through nginx / node:http (b)": ratio(cpu(THROUGH_NGINX), cpu("node:http (b)")),
  };
  const atMost = (name: string, limit: number) => {
    const value = results.cpuRatios![name] ?? null;
    return { goal: `<= ${limit}`, value, met: value === null ? null : value <= limit };
  };
  const edit = results.edit && "reflected" in results.edit ? results.edit : null;
  const eventHtml = results.clientJs?.find(
    (page) => page.path === `/events/${data.sampleEventSlug}`,
  );
  results.targets = {
    "CPU: event page gzip / uncompressed": atMost("event page gzip / event page", 1.5),
    "CPU: event page br / uncompressed": atMost("event page br / event page", 1.5),
    "CPU: filtered event page / dynamic floor": atMost("event page filtered / dynamic floor", 2),
    "CPU: searched event page / dynamic floor": atMost("event page searched / dynamic floor", 2),
    "CPU: a day of the event page / dynamic floor": atMost("event page a day / dynamic floor", 2),
    "CPU: entry page / cached event page": atMost("entry page / event page", 1.5),
    "CPU: leader page / cached event page": atMost("leader page / event page", 1.5),
    "CPU: source page / cached event page": atMost("source page / event page", 1.5),
    "CPU: events index / cached event page": atMost("events index / event page", 1.5),
    "CPU: Open Graph image / cached event page": atMost("Open Graph image / event page", 1.5),
    "CPU: site's Open Graph image / cached event page": atMost(
      "site's Open Graph image / event page",
      1.5,
    ),
    "CPU: admin list / dynamic floor": atMost("admin list / dynamic floor", 3),
    "CPU: event page through nginx's cache / node:http (b)": atMost(
      "event page through nginx / node:http (b)",
      3,
    ),
    "CPU: JSON API / cached event page": atMost("JSON API / event page", 2),
    "event page HTML KiB (50 leaders)": {
      goal: "<= 120",
      value: eventHtml ? round(eventHtml.htmlBytes / 1024) : null,
      met: eventHtml ? eventHtml.htmlBytes <= 120 * 1024 : null,
    },
    "event page Lighthouse mobile performance": {
      goal: ">= 95",
      value: results.lighthouse?.median ?? null,
      met: results.lighthouse ? results.lighthouse.median >= 95 : null,
    },
    "event page / static file (a)": {
      goal: ">= 0.8",
      value: results.ratios.eventPageOverStaticFile,
      met:
        results.ratios.eventPageOverStaticFile === null
          ? null
          : results.ratios.eventPageOverStaticFile >= 0.8,
    },
    "admin list p99 ms": {
      goal: "< 200",
      value: load["admin list"]?.p99Ms ?? null,
      met: load["admin list"] ? load["admin list"].p99Ms < 200 : null,
    },
    "admin search p99 ms": {
      goal: "< 200",
      value: load["admin search"]?.p99Ms ?? null,
      met: load["admin search"] ? load["admin search"].p99Ms < 200 : null,
    },
    "export / sqlite3 (c)": {
      goal: `<= ${EXPORT_GOAL.overSqlite3}`,
      value: results.ratios.exportOverSqlite3,
      met:
        results.ratios.exportOverSqlite3 === null
          ? null
          : results.ratios.exportOverSqlite3 <= EXPORT_GOAL.overSqlite3,
    },
    "export RSS growth MiB": {
      goal: `<= ${EXPORT_GOAL.rssGrowthMiB}`,
      value: exportRssGrowthMiB,
      met: exportRssGrowthMiB === null ? null : exportRssGrowthMiB <= EXPORT_GOAL.rssGrowthMiB,
    },
    "edit shows at once, untouched pages stay cached": {
      goal: "true",
      value: edit
        ? String(edit.reflected && Object.values(edit.untouched).every((c) => c === "HIT"))
        : null,
      met: edit ? edit.reflected && Object.values(edit.untouched).every((c) => c === "HIT") : null,
    },
    "suggestions CPU ms (20,000 characters, median)": {
      goal: "<= 200",
      value: results.suggestions?.cpuMsMedian ?? null,
      met: results.suggestions ? results.suggestions.cpuMsMedian <= 200 : null,
    },
    "no failed requests": {
      goal: "0",
      value: Object.values(load).reduce((n, r) => n + r.failures, 0),
      met: Object.values(load).every((r) => r.failures === 0),
    },
  };
  results.machine.loadAverageAtEnd = os.loadavg().map((n) => round(n, 2));
  fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
  log(`wrote ${path.relative(ROOT, resultsFile)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
