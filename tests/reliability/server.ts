import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import { RELIABILITY_DIR, ROOT, TEMPLATE_DB, bin } from "./paths";

export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
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
    options: { dbFile?: string | null; env?: Record<string, string>; logDir?: string } = {},
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
    return `http://127.0.0.1:${this.port}`;
  }

  get origin() {
    return this.url;
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
    const child = spawn(bin("next"), ["start", "-p", String(this.port), "-H", "127.0.0.1"], {
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
    throw new Error(`${this.name} did not answer within 90 s:\n${this.logTail()}`);
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
