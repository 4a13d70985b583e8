import { spawn, type ChildProcess } from "node:child_process";
import type { Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { RELIABILITY_DIR, ROOT, TEMPLATE_DB, bin } from "./paths";
import { LOOPBACK_HOST } from "../../scripts/loopback.mjs";

/**
 * The ports a process's servers take, below the system's ephemeral ports (32768 on), so that
 * none is given a port another (or an outgoing connection) was just given and has not bound
 * yet: each of the reliability suite's two workers has a range of its own, and the scale-out
 * suite, which runs beside it, has a third (TEST_PORT_LANE=scaleout, set by its config).
 */
function portRange(): { first: number; count: number } {
  if (process.env.TEST_PORT_LANE === "scaleout") return { first: 30_000, count: 2_768 };
  const lane = Number(process.env.TEST_PARALLEL_INDEX ?? 0) % 2;
  return { first: 10_000 + lane * 10_000, count: 10_000 };
}

export async function freePort(): Promise<number> {
  const { first, count } = portRange();
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = first + Math.floor(Math.random() * count);
    const probe = net.createServer();
    const free = await new Promise<boolean>((resolve) => {
      probe.once("error", () => resolve(false));
      probe.listen(port, LOOPBACK_HOST, () => resolve(true));
    });
    if (free) {
      await new Promise((resolve) => probe.close(resolve));
      return port;
    }
  }
  throw new Error(`No free port between ${first} and ${first + count - 1}.`);
}

export function removeDatabase(file: string) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}

/** A copy of the prepared database (seeded, ten editors) at `file`. */
export function copyTemplate(file: string) {
  removeDatabase(file);
  fs.copyFileSync(TEMPLATE_DB, file);
}

const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of running) if (child.pid) process.kill(-child.pid, "SIGKILL");
});

/**
 * The production build (`next start`) on a database of its own and a free port, in a process
 * group of its own so that stop() and kill() end the server and nothing else.
 */
export class AppServer {
  readonly logFile: string;
  readonly secret = randomBytes(32).toString("base64url");
  port = 0;
  #child: ChildProcess | undefined;
  #exited: Promise<void> = Promise.resolve();

  private constructor(
    readonly name: string,
    readonly dbFile: string,
    private readonly env: Record<string, string>,
    logDir: string,
  ) {
    this.logFile = path.join(logDir, `${name}.log`);
  }

  /**
   * Starts a server on a fresh copy of the prepared database (or on `dbFile` as it is; or on
   * the database DATABASE_URL in `env` names, when `dbFile` is null).
   */
  static async start(
    name: string,
    options: {
      dbFile?: string | null;
      env?: Record<string, string>;
      logDir?: string;
    } = {},
  ): Promise<AppServer> {
    const dbFile = options.dbFile ?? path.join(RELIABILITY_DIR, `${name}.db`);
    if (options.dbFile === undefined) copyTemplate(dbFile);
    const server = new AppServer(
      name,
      dbFile,
      options.env ?? {},
      options.logDir ?? RELIABILITY_DIR,
    );
    await server.launch();
    return server;
  }

  get url() {
    return `http://${LOOPBACK_HOST}:${this.port}`;
  }

  get origin() {
    return this.url;
  }

  /** The CPU time (user and system) the server's processes have used so far, in ms. */
  cpuMs(): number {
    const pgid = this.#child?.pid;
    if (!pgid) return 0;
    const ticksPerMs = 100 / 1000; // USER_HZ, 100 on Linux
    let ticks = 0;
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        if (Number(fields[2]) !== pgid) continue;
        ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
      } catch {
        // the process ended meanwhile
      }
    }
    return ticks / ticksPerMs;
  }

  /** The resident memory of the server's processes (its process group), in MiB. */
  rssMiB(): number {
    const pgid = this.#child?.pid;
    if (!pgid) return 0;
    let kib = 0;
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
        // Fields after the command name (which may hold spaces): state, ppid, pgrp, …
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        if (Number(fields[2]) !== pgid) continue;
        const status = fs.readFileSync(`/proc/${entry}/status`, "utf8");
        kib += Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
      } catch {
        // the process ended meanwhile
      }
    }
    return kib / 1024;
  }

  async launch() {
    this.port ||= await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(this.port),
      DATABASE_URL: `file:${this.dbFile}`,
      BETTER_AUTH_URL: this.url,
      BETTER_AUTH_SECRET: this.secret,
      ...this.env,
    };
    delete env.TEST; // Better Auth skips its origin checks when TEST is set
    const log = fs.openSync(this.logFile, "a");
    const args = ["start", "-p", String(this.port), "-H", LOOPBACK_HOST];
    const child = spawn(bin("next"), args, {
      cwd: ROOT,
      env,
      detached: true,
      stdio: ["ignore", log, log],
    });
    fs.closeSync(log);
    running.add(child);
    this.#child = child;
    this.#exited = new Promise((resolve) =>
      child.once("exit", () => {
        running.delete(child);
        resolve();
      }),
    );
    let exited = false;
    void this.#exited.then(() => (exited = true));
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (exited) throw new Error(`${this.name} exited while starting:\n${this.logTail()}`);
      const ok = await fetch(`${this.url}/api/health`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${this.name} did not answer in time:\n${this.logTail()}`);
  }

  logTail(lines = 30) {
    return fs.readFileSync(this.logFile, "utf8").split("\n").slice(-lines).join("\n");
  }

  #signal(signal: NodeJS.Signals) {
    const pid = this.#child?.pid;
    if (pid && running.has(this.#child!)) process.kill(-pid, signal);
  }

  /** SIGKILL to the server's process group: no shutdown, no flush, like a crash. */
  async kill() {
    this.#signal("SIGKILL");
    await this.#exited;
  }

  /** A clean stop (SIGTERM), forced after 10 s. */
  async stop() {
    this.#signal("SIGTERM");
    const timer = setTimeout(() => this.#signal("SIGKILL"), 10_000);
    await this.#exited;
    clearTimeout(timer);
  }

  async restart() {
    await this.stop();
    await this.launch();
  }
}

/**
 * How often `page` loads a document, and how often the dev server's client says it is
 * rebuilding: a development page that reloads itself in a loop shows here, rather than as an
 * action that times out.
 */
export function countReloads(page: Page) {
  let loads = 0;
  let rebuilds = 0;
  // Document requests, not "framenavigated": the app router's own history entry on hydration
  // fires that too, on a page loaded once.
  page.on("request", (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) loads++;
  });
  page.on("console", (message) => {
    if (message.text().includes("[Fast Refresh] rebuilding")) rebuilds++;
  });
  return { summary: () => ({ loads, rebuilds }) };
}
