/**
 * The suites `npm test` runs, in this order. Each is an npm script; `needs` are found,
 * installed or started before any suite runs (scripts/test/needs.ts), and a suite whose needs
 * cannot be met is reported as not run, with the reason (a failure under CI). A suite gets
 * what it needs in its environment: CHROMIUM_PATH, TEST_POSTGRES_ADMIN_URL (a superuser's
 * URL: create a database of the suite's own), TEST_REDIS_URL, NGINX_PATH.
 *
 * To add one: write the npm script, then a line here.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Need } from "./needs";
import type { SuiteResult } from "./report";

export interface Suite {
  name: string;
  /** The npm script that runs it. */
  script: string;
  /** Where its counts come from; without one the suite counts as one check. */
  report?: "vitest" | "playwright";
  needs?: Need[];
  /** More environment, given the results of the suites before it. */
  env?: (earlier: ReadonlyMap<string, SuiteResult>) => Record<string, string>;
  /**
   * Suites next to each other with the same group run side by side, their output printed whole
   * as each ends: for suites that leave a core idle much of the time (the single-threaded checks,
   * the PostgreSQL suite, which waits on its server).
   */
  together?: string;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const started = Date.now();

/**
 * The e2e suite has just built the app, whether or not its tests then passed: the build is the
 * same. The two suites after it run side by side, and two builds at once into one folder fail.
 */
const sameBuild = (earlier: ReadonlyMap<string, SuiteResult>): Record<string, string> => {
  if (!earlier.has("e2e")) return {};
  const buildId = path.resolve(ROOT, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  const built = fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs >= started;
  return earlier.get("e2e")?.status === "passed" || built ? { E2E_SKIP_BUILD: "1" } : {};
};

export const suites: Suite[] = [
  { name: "lint", script: "lint", together: "first" },
  { name: "typecheck", script: "typecheck", together: "first" },
  // The data-layer suite again, on PostgreSQL (each file in a database of its own). It waits
  // on PostgreSQL for much of its time, so it runs beside the single-threaded static checks;
  // its deadlock test waits for PostgreSQL to report the lock, however busy the machine.
  {
    name: "postgres",
    script: "test:postgres",
    report: "vitest",
    needs: ["postgresql"],
    together: "first",
  },
  { name: "unit", script: "test:unit", report: "vitest" },
  {
    name: "e2e",
    script: "test:e2e",
    report: "playwright",
    needs: ["chromium"],
    // The typecheck (next typegen, then tsc) is what `next build` would check again.
    env: (earlier): Record<string, string> =>
      earlier.get("typecheck")?.status === "passed" ? { ROLLCALL_TYPES_CHECKED: "1" } : {},
  },
  // The scale-out suite runs beside the reliability suite, which does not keep both cores busy
  // (its servers start and stop, its specs wait on them): it fits, under a minute long, in what
  // that leaves, with ports of its own (docs/testing.md).
  {
    name: "reliability",
    script: "test:reliability",
    report: "playwright",
    needs: ["chromium"],
    env: sameBuild,
    together: "servers",
  },
  {
    name: "scaleout",
    script: "test:scaleout",
    report: "playwright",
    needs: ["postgresql", "redis", "nginx"],
    env: sameBuild,
    together: "servers",
  },
];
