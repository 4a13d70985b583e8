import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { chromiumExecutable } from "@/scripts/chromium.mjs";
import {
  commandLine,
  find,
  installPlan,
  isFound,
  parseClusters,
  postgresSocketUrl,
  postgresVersions,
  type Env,
  type Machine,
  type Missing,
  type Need,
} from "@/scripts/test/needs";
import {
  playwrightCounts,
  summaryLines,
  totals,
  vitestCounts,
  type SuiteResult,
} from "@/scripts/test/report";
import { suites } from "@/scripts/test/suites";

const PLAYWRIGHT_OWN = "/home/dev/.cache/ms-playwright/chromium-1/chrome-linux64/chrome";

/** A machine with these files and executables (by name) and nothing else. */
function machine(
  options: {
    files?: string[];
    commands?: Record<string, string>;
    env?: Env;
    isRoot?: boolean;
    folders?: Record<string, string[]>;
  } = {},
): Machine {
  const files = new Set(options.files ?? []);
  return {
    env: options.env ?? {},
    isRoot: options.isRoot ?? false,
    exists: (file) => files.has(file),
    which: (command) => options.commands?.[command],
    list: (folder) => options.folders?.[folder] ?? [],
    playwrightChromium: PLAYWRIGHT_OWN,
  };
}

const APT = { "apt-get": "/usr/bin/apt-get" };
const missing = (...needs: Need[]) => needs.map((need) => find(need, machine()) as Missing);

describe("finding Chromium: CHROMIUM_PATH, then Debian's, then Playwright's own", () => {
  it("takes CHROMIUM_PATH first when it exists", () => {
    const found = find(
      "chromium",
      machine({
        env: { CHROMIUM_PATH: "/opt/chrome" },
        files: ["/opt/chrome", "/usr/lib/chromium/chromium"],
      }),
    );
    expect(found).toMatchObject({ executable: "/opt/chrome" });
  });

  it("says a CHROMIUM_PATH that points at nothing is wrong, rather than installing another", () => {
    const m = machine({ env: { CHROMIUM_PATH: "/opt/none" }, isRoot: true, commands: APT });
    const found = find("chromium", m);
    expect(isFound(found)).toBe(false);
    expect(found).toMatchObject({ misconfigured: true });
    expect((found as Missing).fix).toContain("CHROMIUM_PATH=/opt/none does not exist");
    expect(installPlan([found as Missing], m)).toEqual([]);
  });

  it("takes Debian's headless shell, then its browser (binary, then wrapper), then Playwright's own", () => {
    const all = [
      "/usr/lib/chromium/chromium-headless-shell",
      "/usr/bin/chromium-headless-shell",
      "/usr/lib/chromium/chromium",
      "/usr/bin/chromium",
      PLAYWRIGHT_OWN,
    ];
    for (let i = 0; i < 4; i++) {
      expect(find("chromium", machine({ files: all.slice(i) }))).toMatchObject({
        executable: all[i],
      });
    }
    expect(find("chromium", machine({ files: all.slice(4) }))).toMatchObject({
      executable: PLAYWRIGHT_OWN,
      how: expect.stringContaining("Playwright"),
    });
    expect(isFound(find("chromium", machine()))).toBe(false);
  });

  it("agrees with the rule the Playwright configs launch by", () => {
    const files = new Set(["/usr/bin/chromium"]);
    expect(chromiumExecutable({}, (f) => files.has(f))).toBe("/usr/bin/chromium");
    expect(chromiumExecutable({ CHROMIUM_PATH: "/x" }, (f) => files.has(f))).toBe("/x");
    expect(chromiumExecutable({}, () => false)).toBeUndefined();
  });

  it("acts as if a need were missing when TEST_SETUP_HIDE names it", () => {
    const m = machine({
      files: ["/usr/lib/chromium/chromium"],
      env: { TEST_SETUP_HIDE: "chromium" },
    });
    expect(isFound(find("chromium", m))).toBe(false);
  });
});

describe("finding PostgreSQL, Redis and nginx", () => {
  it("uses Debian's newest PostgreSQL server when pg_ctlcluster is there", () => {
    const m = machine({
      folders: { "/usr/lib/postgresql": ["13", "15", "9", "README"] },
      files: ["/usr/lib/postgresql/13/bin/postgres", "/usr/lib/postgresql/15/bin/postgres"],
      commands: { pg_ctlcluster: "/usr/bin/pg_ctlcluster" },
    });
    expect(postgresVersions(m)).toEqual(["15", "13"]);
    expect(find("postgresql", m)).toMatchObject({ version: "15" });
  });

  it("has no PostgreSQL with only the client, or without Debian's cluster tools", () => {
    const clientOnly = machine({
      folders: { "/usr/lib/postgresql": ["15"] },
      commands: { pg_ctlcluster: "/usr/bin/pg_ctlcluster" },
    });
    expect(isFound(find("postgresql", clientOnly))).toBe(false);
    const noTools = machine({
      folders: { "/usr/lib/postgresql": ["15"] },
      files: ["/usr/lib/postgresql/15/bin/postgres"],
    });
    expect(isFound(find("postgresql", noTools))).toBe(false);
  });

  it("uses a server the developer names instead of starting one", () => {
    const m = machine({
      env: {
        TEST_POSTGRES_ADMIN_URL: "postgresql://me@db/postgres",
        TEST_REDIS_URL: "redis://r:6379",
      },
    });
    expect(find("postgresql", m)).toMatchObject({ url: "postgresql://me@db/postgres" });
    expect(find("redis", m)).toMatchObject({ url: "redis://r:6379" });
  });

  it("finds redis-server and nginx as executables, NGINX_PATH first", () => {
    const m = machine({
      commands: { "redis-server": "/usr/bin/redis-server", nginx: "/usr/sbin/nginx" },
    });
    expect(find("redis", m)).toMatchObject({ server: "/usr/bin/redis-server" });
    expect(find("nginx", m)).toMatchObject({ executable: "/usr/sbin/nginx" });
    const given = machine({ env: { NGINX_PATH: "/opt/nginx" }, files: ["/opt/nginx"] });
    expect(find("nginx", given)).toMatchObject({ executable: "/opt/nginx" });
    expect(find("nginx", machine({ env: { NGINX_PATH: "/opt/none" } }))).toMatchObject({
      misconfigured: true,
    });
  });

  it("reads Debian's cluster list", () => {
    const out =
      "15  main    5432 down   postgres /var/lib/postgresql/15/main /var/log/postgresql/postgresql-15-main.log\n" +
      "15  other   5433 online postgres /var/lib/postgresql/15/other /var/log/postgresql/postgresql-15-other.log\n";
    expect(parseClusters(out)).toEqual([
      { version: "15", name: "main", port: 5432, online: false },
      { version: "15", name: "other", port: 5433, online: true },
    ]);
    expect(parseClusters("Ver Cluster Port Status Owner Data directory Log file\n")).toEqual([]);
  });

  it("connects over the socket as the user's own role (Debian authenticates by peer)", () => {
    expect(postgresSocketUrl("root", 5432)).toBe(
      "postgresql://root@localhost:5432/postgres?host=/var/run/postgresql",
    );
  });
});

describe("installing what is missing", () => {
  it("as root with apt-get: one update, then Debian's packages in one install", () => {
    const plan = installPlan(
      missing("chromium", "postgresql", "redis", "nginx"),
      machine({ isRoot: true, commands: APT }),
    );
    expect(plan).toHaveLength(1);
    expect(plan[0]!.needs).toEqual(["chromium", "postgresql", "redis", "nginx"]);
    expect(plan[0]!.commands.map(commandLine)).toEqual([
      "apt-get update -qq -o DPkg::Lock::Timeout=300",
      "apt-get install -y -qq -o DPkg::Lock::Timeout=300 --no-install-recommends chromium-headless-shell postgresql redis-server nginx",
    ]);
  });

  it("elsewhere, Playwright's own Chromium, and no database server", () => {
    const notRoot = installPlan(missing("chromium", "postgresql"), machine({ commands: APT }));
    expect(notRoot.map((s) => s.commands.map(commandLine))).toEqual([
      ["npx playwright install chromium"],
    ]);
    expect(notRoot[0]!.needs).toEqual(["chromium"]);
    const rootWithoutApt = installPlan(missing("chromium"), machine({ isRoot: true }));
    expect(rootWithoutApt[0]!.commands.map(commandLine)).toEqual([
      "npx playwright install chromium",
    ]);
    expect(installPlan(missing("redis", "nginx"), machine())).toEqual([]);
  });

  it("says what to install when it cannot", () => {
    const [redis] = missing("redis");
    expect(redis!.fix).toMatch(/apt-get install redis-server.*TEST_REDIS_URL/);
    const [chromium] = missing("chromium");
    expect(chromium!.fix).toMatch(
      /apt-get install chromium-headless-shell.*npx playwright install chromium.*CHROMIUM_PATH/,
    );
  });
});

describe("reading the suites' reports and the summary", () => {
  it("counts Vitest's and Playwright's JSON reports", () => {
    expect(
      vitestCounts({ numPassedTests: 40, numFailedTests: 2, numPendingTests: 1, numTodoTests: 1 }),
    ).toEqual({ passed: 40, failed: 2, skipped: 2 });
    expect(
      playwrightCounts({ stats: { expected: 80, unexpected: 1, flaky: 2, skipped: 0 } }),
    ).toEqual({ passed: 82, failed: 1, skipped: 0 });
    expect(vitestCounts(undefined)).toBeUndefined();
    expect(playwrightCounts({ suites: [] })).toBeUndefined();
  });

  const results: SuiteResult[] = [
    { name: "lint", status: "passed", seconds: 41 },
    { name: "unit", status: "passed", seconds: 70, counts: { passed: 300, failed: 0, skipped: 0 } },
    {
      name: "e2e",
      status: "failed",
      seconds: 123,
      counts: { passed: 80, failed: 0, skipped: 0 },
      note: "exit code 1",
    },
    { name: "postgres", status: "not run", reason: "needs PostgreSQL: install it" },
  ];

  it("never reads 0 failed when a suite failed, and counts a suite not run as a failure under CI", () => {
    expect(totals(results, false)).toEqual({ passed: 381, failed: 1, skipped: 1 });
    expect(totals(results, true)).toEqual({ passed: 381, failed: 2, skipped: 0 });
    expect(totals([{ name: "typecheck", status: "failed", seconds: 1 }], false).failed).toBe(1);
  });

  it("prints one line a suite, the time, and the counts alone on the last line", () => {
    const lines = summaryLines(results, false, 500);
    expect(lines[0]).toBe("Summary (8 min 20 s)");
    expect(lines[2]).toMatch(/^ {2}unit +passed +1 min 10 s +300 passed, 0 failed$/);
    expect(lines[3]).toMatch(/e2e +failed +2 min 3 s +80 passed, 0 failed; exit code 1$/);
    expect(lines[4]).toMatch(/postgres +not run +needs PostgreSQL: install it$/);
    expect(lines.at(-1)).toBe("381 passed, 1 failed, 1 skipped");
    expect(summaryLines(results, true, 500)[4]).toContain("(a failure under CI)");
  });
});

describe("npm test", () => {
  it("runs the documented suites in order (docs/testing.md), the browser suites needing Chromium, the scale-out suite its servers", () => {
    expect(suites.map((s) => s.name)).toEqual([
      "lint",
      "typecheck",
      "postgres",
      "unit",
      "e2e",
      "reliability",
      "scaleout",
    ]);
    expect(suites.find((s) => s.name === "postgres")?.needs).toEqual(["postgresql"]);
    expect(suites.filter((s) => s.needs?.includes("chromium")).map((s) => s.name)).toEqual([
      "e2e",
      "reliability",
    ]);
    expect(suites.find((s) => s.name === "scaleout")?.needs).toEqual([
      "postgresql",
      "redis",
      "nginx",
    ]);
  });

  it("starts the suites after the e2e suite on its build when it built one, though a test then failed", () => {
    // They run side by side: were each to build, one build would refuse to start beside the other.
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), "rollcall-dist-"));
    vi.stubEnv("NEXT_DIST_DIR", dist);
    try {
      const failed = new Map<string, SuiteResult>([
        ["e2e", { name: "e2e", status: "failed", seconds: 1 }],
      ]);
      for (const name of ["reliability", "scaleout"]) {
        const env = suites.find((s) => s.name === name)!.env!;
        expect(env(failed), `${name}, no build`).toEqual({});
        expect(env(new Map()), `${name}, no e2e suite`).toEqual({});
      }
      fs.writeFileSync(path.join(dist, "BUILD_ID"), "built by this run's e2e suite");
      for (const name of ["reliability", "scaleout"]) {
        const env = suites.find((s) => s.name === name)!.env!;
        expect(env(failed), name).toEqual({ E2E_SKIP_BUILD: "1" });
      }
    } finally {
      vi.unstubAllEnvs();
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });

  it("keeps each browser suite's artifacts in a folder of its own, none inside another's", async () => {
    // Playwright empties a suite's output folder when the suite starts: one shared folder
    // (its default, test-results/) lost the earlier suites' traces.
    const configs = {
      e2e: "playwright.config.ts",
      reliability: "tests/reliability/playwright.config.ts",
      scaleout: "tests/scaleout/playwright.config.ts",
    };
    const folders = await Promise.all(
      Object.values(configs).map(async (file) => {
        const config = (await import(`@/${file}`)).default as { outputDir?: string };
        expect(config.outputDir, file).toBeTruthy();
        return path.resolve(path.dirname(path.resolve(file)), config.outputDir!);
      }),
    );
    expect(folders.map((f) => path.relative(process.cwd(), f))).toEqual([
      "test-results/e2e",
      "test-results/reliability",
      "test-results/scaleout",
    ]);
  });

  const run = promisify(execFile);
  const tsx = (args: string[], env: Env) =>
    run("node_modules/.bin/tsx", ["scripts/test/run.ts", ...args], {
      env: { ...process.env, CI: "", ...env },
    }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it(
    "stops with one line saying what to fix, before any suite runs, when there is no browser",
    { timeout: 60_000 },
    async () => {
      const { code, stdout, stderr } = await tsx(["lint", "e2e"], {
        CHROMIUM_PATH: "/nonexistent/chrome",
      });
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(
        "npm test: no Chromium for the browser tests: CHROMIUM_PATH=/nonexistent/chrome does not exist: correct it or unset it.",
      );
      expect(stdout).not.toContain("npm run lint");
    },
  );

  it(
    "says, in a dry run, how it would install a browser this machine lacks",
    { timeout: 60_000 },
    async () => {
      const { code, stdout } = await tsx(["e2e", "--dry-run"], {
        TEST_SETUP_HIDE: "chromium",
        CHROMIUM_PATH: "",
      });
      expect(code).toBe(0);
      const install =
        process.getuid?.() === 0
          ? "apt-get install -y -qq -o DPkg::Lock::Timeout=300 --no-install-recommends chromium-headless-shell"
          : "npx playwright install chromium";
      expect(stdout).toContain(install);
      expect(stdout).toContain("e2e: npm run test:e2e (after installing Chromium)");
    },
  );
});
