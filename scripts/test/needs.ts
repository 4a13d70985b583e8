/**
 * What the test suites need from the machine (a browser, PostgreSQL, Redis, nginx): found,
 * installed where the machine allows it, or a reason why not. Deciding is pure (a `Machine`
 * describes what is there) so it is unit-tested; tests/unit/test-needs.test.ts.
 */
import { DEBIAN_CHROMIUM } from "../chromium.mjs";

export type Need = "chromium" | "postgresql" | "redis" | "nginx";

export type Env = Record<string, string | undefined>;

/**
 * The environment variables a suite is given for each need; a developer who has their own
 * server or browser sets the same variable and nothing is installed or started.
 */
export const NEED_ENV = {
  chromium: "CHROMIUM_PATH",
  postgresql: "TEST_POSTGRES_ADMIN_URL",
  redis: "TEST_REDIS_URL",
  nginx: "NGINX_PATH",
} as const satisfies Record<Need, string>;

export const NEED_LABEL: Record<Need, string> = {
  chromium: "Chromium",
  postgresql: "PostgreSQL",
  redis: "Redis",
  nginx: "nginx",
};

/** Debian's package for each need. */
export const DEBIAN_PACKAGE: Record<Need, string> = {
  // The headless shell: what the tests launch (scripts/chromium.mjs), lighter than the browser.
  chromium: "chromium-headless-shell",
  postgresql: "postgresql",
  redis: "redis-server",
  nginx: "nginx",
};

/** What the set-up may look at; the real one is `currentMachine()` in machine.ts. */
export interface Machine {
  env: Env;
  isRoot: boolean;
  exists(file: string): boolean;
  /** An executable on PATH (or in /usr/sbin, /sbin, which Debian keeps off a user's PATH). */
  which(command: string): string | undefined;
  /** The entries of a folder, or none. */
  list(folder: string): string[];
  /** Where Playwright's own Chromium is or would be. */
  playwrightChromium: string;
}

export type Found =
  | { need: "chromium"; executable: string; how: string }
  | { need: "postgresql"; url: string; how: string }
  | { need: "postgresql"; version: string; how: string }
  | { need: "redis"; url: string; how: string }
  | { need: "redis"; server: string; how: string }
  | { need: "nginx"; executable: string; how: string };

/** Not there: `fix` is the one line that says what to install or set. */
export interface Missing {
  need: Need;
  /** Installing the usual way would not help (a variable points at nothing, say). */
  misconfigured?: boolean;
  fix: string;
}

/**
 * `TEST_SETUP_HIDE=chromium,redis` makes the set-up act as if those were missing, to try the
 * install path (with `--dry-run`) on a machine that has them.
 */
export function hiddenNeeds(env: Env): Set<string> {
  return new Set((env.TEST_SETUP_HIDE ?? "").split(/[\s,]+/).filter(Boolean));
}

const POSTGRES_BIN = "/usr/lib/postgresql";

/** Debian's PostgreSQL versions with a server installed, newest first. */
export function postgresVersions(machine: Machine): string[] {
  return machine
    .list(POSTGRES_BIN)
    .filter((v) => /^\d+$/.test(v) && machine.exists(`${POSTGRES_BIN}/${v}/bin/postgres`))
    .sort((a, b) => Number(b) - Number(a));
}

export function manualFix(need: Need): string {
  const variable = NEED_ENV[need];
  switch (need) {
    case "chromium":
      return `install Chromium (Debian, as root: apt-get install chromium-headless-shell; elsewhere: npx playwright install chromium) or set ${variable} to a Chromium executable`;
    case "postgresql":
      return `install PostgreSQL (Debian, as root: apt-get install postgresql) or set ${variable} to a superuser's URL`;
    case "redis":
      return `install Redis (Debian, as root: apt-get install redis-server) or set ${variable}`;
    case "nginx":
      return `install nginx (Debian, as root: apt-get install nginx) or set ${variable}`;
  }
}

export function find(need: Need, machine: Machine): Found | Missing {
  const missing: Missing = { need, fix: manualFix(need) };
  if (hiddenNeeds(machine.env).has(need)) return missing;
  const variable = NEED_ENV[need];
  const given = machine.env[variable];
  switch (need) {
    case "chromium": {
      if (given) {
        return machine.exists(given)
          ? { need, executable: given, how: `${variable}=${given}` }
          : {
              need,
              misconfigured: true,
              fix: `${variable}=${given} does not exist: correct it or unset it`,
            };
      }
      const debian = DEBIAN_CHROMIUM.find((file) => machine.exists(file));
      if (debian) return { need, executable: debian, how: `Debian's Chromium, ${debian}` };
      if (machine.exists(machine.playwrightChromium))
        return {
          need,
          executable: machine.playwrightChromium,
          how: `Playwright's Chromium, ${machine.playwrightChromium}`,
        };
      return missing;
    }
    case "postgresql": {
      if (given) return { need, url: given, how: `${variable}` };
      const [version] = postgresVersions(machine);
      if (version && machine.which("pg_ctlcluster"))
        return { need, version, how: `Debian's PostgreSQL ${version}` };
      return missing;
    }
    case "redis": {
      if (given) return { need, url: given, how: `${variable}` };
      const server = machine.which("redis-server");
      return server ? { need, server, how: server } : missing;
    }
    case "nginx": {
      if (given) {
        return machine.exists(given)
          ? { need, executable: given, how: `${variable}=${given}` }
          : {
              need,
              misconfigured: true,
              fix: `${variable}=${given} does not exist: correct it or unset it`,
            };
      }
      const executable = machine.which("nginx");
      return executable ? { need, executable, how: executable } : missing;
    }
  }
}

export function isFound(result: Found | Missing): result is Found {
  return "how" in result;
}

export interface Command {
  command: string;
  args: string[];
}

export interface InstallStep {
  /** What it is doing, said before it does it. */
  says: string;
  commands: Command[];
  needs: Need[];
}

/**
 * How to install what is missing on this machine: as root with apt-get, Debian's packages in
 * one go (after `apt-get update`); elsewhere Playwright's own Chromium and nothing else (a
 * database server is not something a test run should install without root's package manager).
 * Needs left out of every step cannot be installed here.
 */
export function installPlan(missing: Missing[], machine: Machine): InstallStep[] {
  const installable = missing.filter((m) => !m.misconfigured).map((m) => m.need);
  if (installable.length === 0) return [];
  if (machine.isRoot && machine.which("apt-get")) {
    const packages = installable.map((need) => DEBIAN_PACKAGE[need]);
    return [
      {
        says: `Installing Debian's ${packages.join(", ")} (apt-get, as root)`,
        needs: installable,
        commands: [
          { command: "apt-get", args: ["update", "-qq", "-o", "DPkg::Lock::Timeout=300"] },
          {
            command: "apt-get",
            // A fresh machine's unattended upgrades may hold dpkg's lock for a while.
            args: [
              "install",
              "-y",
              "-qq",
              "-o",
              "DPkg::Lock::Timeout=300",
              "--no-install-recommends",
              ...packages,
            ],
          },
        ],
      },
    ];
  }
  if (!installable.includes("chromium")) return [];
  return [
    {
      says: "Installing Playwright's Chromium (npx playwright install chromium)",
      needs: ["chromium"],
      commands: [{ command: "npx", args: ["playwright", "install", "chromium"] }],
    },
  ];
}

/** The line printed for a command, as someone would type it. */
export function commandLine({ command, args }: Command): string {
  return [command, ...args].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a}'`)).join(" ");
}

export interface PgCluster {
  version: string;
  name: string;
  port: number;
  online: boolean;
}

/** `pg_lsclusters --no-header`: "15  main    5432 down   postgres /var/lib/... /var/log/...". */
export function parseClusters(output: string): PgCluster[] {
  return output
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 4 && /^\d+$/.test(cols[0]!) && /^\d+$/.test(cols[2]!))
    .map(([version, name, port, status]) => ({
      version: version!,
      name: name!,
      port: Number(port),
      online: status!.startsWith("online"),
    }));
}

/**
 * A superuser's URL over the cluster's Unix socket. Debian authenticates socket connections by
 * peer: the database role is the operating-system user's own name.
 */
export function postgresSocketUrl(user: string, port: number): string {
  return `postgresql://${encodeURIComponent(user)}@localhost:${port}/postgres?host=/var/run/postgresql`;
}
