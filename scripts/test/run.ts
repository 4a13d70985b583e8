/**
 * `npm test`: finds or installs what the suites need, runs them in order (suites.ts), and
 * ends with a summary. `npm test -- unit e2e` runs only those; `npm test -- --dry-run` says
 * what it would find, install and run, and does nothing (with TEST_SETUP_HIDE=chromium it
 * acts as if no browser were installed).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { currentMachine, provide, runInstallStep } from "./machine";
import {
  NEED_LABEL,
  commandLine,
  find,
  installPlan,
  isFound,
  type Found,
  type Missing,
  type Need,
} from "./needs";
import { playwrightCounts, summaryLines, vitestCounts, type SuiteResult } from "./report";
import { suites, type Suite } from "./suites";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ci = Boolean(process.env.CI);
const say = (line: string) => console.log(`[npm test] ${line}`);

/** Without these nothing that needs them can be tested: stop before any test runs. */
const BLOCKING: Need[] = ["chromium"];

const args = process.argv.slice(2);
const dryRun = args.includes("--dry-run");
const names = args.filter((a) => !a.startsWith("-"));
const unknown = names.filter((n) => !suites.some((s) => s.name === n));
if (unknown.length) {
  console.error(
    `npm test: no suite ${unknown.join(", ")}; the suites are ${suites.map((s) => s.name).join(", ")}.`,
  );
  process.exit(2);
}
const selected = names.length ? suites.filter((s) => names.includes(s.name)) : suites;

const started = performance.now();
const stops: (() => void)[] = [];
function stopAll() {
  for (const stop of stops.splice(0).reverse()) stop();
}

/** Finds every need; installs what is missing where the machine allows. */
function setUp(needs: Need[]): Map<Need, Found | Missing> {
  const machine = currentMachine();
  const state = new Map<Need, Found | Missing>(needs.map((need) => [need, find(need, machine)]));
  const missing = [...state.values()].filter((r): r is Missing => !isFound(r));
  for (const step of installPlan(missing, machine)) {
    if (dryRun) {
      say(`${step.says}, would run:`);
      for (const command of step.commands) say(`  ${commandLine(command)}`);
      continue;
    }
    if (!runInstallStep(step, say)) continue;
    for (const need of step.needs) state.set(need, find(need, currentMachine()));
  }
  for (const [need, result] of state) {
    if (isFound(result)) say(`${NEED_LABEL[need]}: ${result.how}`);
    // A blocking need gets the one line that stops the run instead.
    else if (dryRun ? !installPlan([result], machine).length : !BLOCKING.includes(need))
      say(`No ${NEED_LABEL[need]}: ${result.fix}`);
  }
  return state;
}

const running = new Set<ChildProcess>();

/**
 * Runs one npm script; resolves with its exit code (or the signal that ended it). With
 * `buffered`, its output is kept and printed in one piece when it ends, so that two suites
 * running side by side do not interleave their lines.
 */
function runScript(script: string, extraArgs: string[], env: NodeJS.ProcessEnv, buffered = false) {
  return new Promise<number>((resolve) => {
    const child = spawn("npm", ["run", script, ...(extraArgs.length ? ["--", ...extraArgs] : [])], {
      cwd: ROOT,
      stdio: buffered ? ["ignore", "pipe", "pipe"] : "inherit",
      env,
    });
    running.add(child);
    const output: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk));
    const done = (code: number) => {
      running.delete(child);
      if (buffered) process.stdout.write(Buffer.concat(output));
      resolve(code);
    };
    child.on("error", () => done(1));
    child.on("exit", (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

async function runSuite(
  suite: Suite,
  env: Record<string, string>,
  earlier: ReadonlyMap<string, SuiteResult>,
  buffered = false,
): Promise<SuiteResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rollcall-${suite.name}-`));
  const reportFile = path.join(dir, "report.json");
  const extraArgs =
    suite.report === "vitest"
      ? ["--reporter=default", "--reporter=json", `--outputFile.json=${reportFile}`]
      : [];
  const suiteEnv: NodeJS.ProcessEnv = { ...process.env, ...env, ...suite.env?.(earlier) };
  if (suite.report === "playwright") suiteEnv.PLAYWRIGHT_JSON_OUTPUT_FILE = reportFile;

  const heading = `\n[npm test] ${suite.name}: npm run ${suite.script}`;
  if (!buffered) console.log(heading);
  const t0 = performance.now();
  const code = await runScript(suite.script, extraArgs, suiteEnv, buffered);
  if (buffered) console.log(`${heading} (ran beside another; its output is above)`);
  const seconds = (performance.now() - t0) / 1000;
  let report: unknown;
  try {
    report = JSON.parse(fs.readFileSync(reportFile, "utf8"));
  } catch {
    report = undefined; // it did not get as far as writing one
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const counts =
    suite.report === "vitest"
      ? vitestCounts(report)
      : suite.report === "playwright"
        ? playwrightCounts(report)
        : undefined;
  const note = code === 0 ? undefined : `exit code ${code}`;
  return { name: suite.name, status: code === 0 ? "passed" : "failed", seconds, counts, note };
}

async function main(): Promise<number> {
  const needs = [...new Set(selected.flatMap((s) => s.needs ?? []))];
  const state = setUp(needs);

  const blocked = BLOCKING.map((need) => state.get(need)).find(
    (r): r is Missing => r !== undefined && !isFound(r),
  );
  if (dryRun) {
    for (const suite of selected) {
      const lacking = (suite.needs ?? []).filter((n) => !isFound(state.get(n)!));
      say(
        `${suite.name}: npm run ${suite.script}${lacking.length ? ` (after installing ${lacking.map((n) => NEED_LABEL[n]).join(", ")})` : ""}`,
      );
    }
    return 0;
  }
  if (blocked) {
    console.error(
      `npm test: no ${NEED_LABEL[blocked.need]} for the browser tests: ${blocked.fix}.`,
    );
    return 1;
  }

  // Servers are started once for the whole run; a need they cannot meet is a reason.
  const given = new Map<Need, Record<string, string>>();
  const unavailable = new Map<Need, string>();
  for (const [need, result] of state) {
    if (!isFound(result)) {
      unavailable.set(need, result.fix);
      continue;
    }
    const provided = await provide(result, say);
    if ("unavailable" in provided) {
      say(`${NEED_LABEL[need]} cannot be used: ${provided.unavailable}`);
      unavailable.set(need, provided.unavailable);
    } else {
      given.set(need, provided.env);
      if (provided.stop) stops.push(provided.stop);
    }
  }

  const results = new Map<string, SuiteResult>();
  const runOne = async (suite: Suite, buffered: boolean): Promise<SuiteResult> => {
    const lacking = (suite.needs ?? []).find((need) => unavailable.has(need));
    return interrupted
      ? { name: suite.name, status: "not run", reason: "interrupted" }
      : lacking
        ? {
            name: suite.name,
            status: "not run",
            reason: `needs ${NEED_LABEL[lacking]}: ${unavailable.get(lacking)}`,
          }
        : await runSuite(
            suite,
            Object.assign({}, ...(suite.needs ?? []).map((need) => given.get(need))),
            results,
            buffered,
          );
  };
  // Suites of one `together` group that follow each other run side by side.
  for (let i = 0; i < selected.length;) {
    const group = selected[i]!.together;
    let j = i + 1;
    while (group && j < selected.length && selected[j]!.together === group) j++;
    const batch = selected.slice(i, j);
    const batchResults = await Promise.all(batch.map((suite) => runOne(suite, batch.length > 1)));
    for (const result of batchResults) results.set(result.name, result);
    i = j;
  }
  stopAll();

  const all = [...results.values()];
  console.log("");
  for (const line of summaryLines(all, ci, (performance.now() - started) / 1000)) console.log(line);
  const failed = all.some((r) => r.status === "failed" || (ci && r.status === "not run"));
  return interrupted ? 130 : failed ? 1 : 0;
}

// Ctrl-C reaches the running suite too (SIGTERM, from a CI timeout say, is passed on): let it
// end, stop the servers, then summarise. A second signal stops at once.
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) {
      stopAll();
      process.exit(130);
    }
    interrupted = true;
    if (signal === "SIGTERM") for (const child of running) child.kill(signal);
  });
}

main().then(
  (code) => process.exit(code),
  (error) => {
    stopAll();
    console.error(error);
    process.exit(1);
  },
);
