/**
 * The side of the test set-up that touches the machine: what is installed, running the
 * install steps, and starting PostgreSQL and Redis for the suites (stopped again at the end,
 * if this run started them). nginx is only found: the suites start it with their own config.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { playwrightChromium } from "../chromium.mjs";
import {
  NEED_ENV,
  commandLine,
  parseClusters,
  postgresSocketUrl,
  type Command,
  type Env,
  type Found,
  type InstallStep,
  type Machine,
} from "./needs";

export function currentMachine(env: Env = process.env): Machine {
  const folders = [...(env.PATH ?? "").split(path.delimiter).filter(Boolean), "/usr/sbin", "/sbin"];
  return {
    env,
    isRoot: process.getuid?.() === 0,
    exists: (file) => fs.existsSync(file),
    which: (command) =>
      folders
        .map((folder) => path.join(folder, command))
        .find((file) => {
          try {
            fs.accessSync(file, fs.constants.X_OK);
            return fs.statSync(file).isFile();
          } catch {
            return false;
          }
        }),
    list: (folder) => {
      try {
        return fs.readdirSync(folder);
      } catch {
        return [];
      }
    },
    playwrightChromium: playwrightChromium(),
  };
}

function run({ command, args }: Command, env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { encoding: "utf8", env, maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}${result.error?.message ?? ""}`;
  return { ok: result.status === 0, output };
}

function lastLines(output: string, count = 15): string {
  return output.trimEnd().split("\n").slice(-count).join("\n");
}

/** Runs one install step; its output is shown only if it fails. Returns whether it did. */
export function runInstallStep(step: InstallStep, log: (line: string) => void): boolean {
  log(`${step.says}:`);
  for (const command of step.commands) {
    log(`  ${commandLine(command)}`);
    const { ok, output } = run(command, { ...process.env, DEBIAN_FRONTEND: "noninteractive" });
    if (!ok) {
      log(lastLines(output));
      log(`  failed: ${commandLine(command)}`);
      return false;
    }
  }
  return true;
}

export type Provided = { env: Record<string, string>; stop?: () => void } | { unavailable: string };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function redisAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.setTimeout(1000);
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function provideRedis(server: string, log: (line: string) => void): Promise<Provided> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rollcall-redis-"));
  const pidfile = path.join(dir, "redis.pid");
  const start: Command = {
    command: server,
    args: [
      "--daemonize", "yes", "--port", String(port), "--bind", "127.0.0.1",
      "--save", "", "--appendonly", "no", "--dir", dir, "--pidfile", pidfile,
      "--logfile", path.join(dir, "redis.log"),
    ], // prettier-ignore
  };
  log(`Starting Redis on port ${port}: ${commandLine(start)}`);
  const { ok, output } = run(start);
  if (!ok) return { unavailable: `redis-server did not start: ${lastLines(output, 1)}` };
  const stop = () => {
    try {
      const pid = Number(fs.readFileSync(pidfile, "utf8"));
      process.kill(pid, "SIGTERM");
      // Redis writes its last log lines as it exits: removing its folder before then fails.
      const pause = new Int32Array(new SharedArrayBuffer(4));
      for (let i = 0; i < 100; i++) {
        process.kill(pid, 0); // throws once it is gone
        Atomics.wait(pause, 0, 0, 50);
      }
    } catch {
      // gone
    }
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  };
  for (let i = 0; i < 50; i++) {
    if (await redisAnswers(port))
      return { env: { [NEED_ENV.redis]: `redis://127.0.0.1:${port}` }, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  return { unavailable: `Redis on port ${port} did not answer PING` };
}

export function providePostgres(
  version: string,
  log: (line: string) => void,
  name = "main",
): Provided {
  const isRoot = process.getuid?.() === 0;
  const list = () =>
    parseClusters(run({ command: "pg_lsclusters", args: ["--no-header"] }).output).filter(
      (c) => c.version === version,
    );
  let cluster = list().find((c) => c.name === name);
  if (!cluster) {
    if (!isRoot)
      return {
        unavailable: `PostgreSQL ${version} has no cluster: pg_createcluster ${version} main`,
      };
    const create: Command = { command: "pg_createcluster", args: [version, name] };
    log(`Creating PostgreSQL's cluster: ${commandLine(create)}`);
    const created = run(create);
    if (!created.ok)
      return { unavailable: `${commandLine(create)} failed: ${lastLines(created.output, 1)}` };
    cluster = list().find((c) => c.name === name);
    if (!cluster) return { unavailable: `${commandLine(create)} made no cluster` };
  }
  const ctl = (action: string): Command => ({
    command: "pg_ctlcluster",
    args: [cluster.version, cluster.name, action],
  });
  let stop: (() => void) | undefined;
  if (!cluster.online) {
    if (!isRoot) return { unavailable: `PostgreSQL is not running: ${commandLine(ctl("start"))}` };
    log(`Starting PostgreSQL ${version}: ${commandLine(ctl("start"))}`);
    const started = run(ctl("start"));
    if (!started.ok)
      return {
        unavailable: `${commandLine(ctl("start"))} failed: ${lastLines(started.output, 1)}`,
      };
    stop = () => {
      log(`Stopping PostgreSQL ${version}: ${commandLine(ctl("stop"))}`);
      run(ctl("stop"));
    };
  }
  const user = os.userInfo().username;
  const asPostgres = (command: string, args: string[]): Command => ({
    command: "runuser",
    args: ["-u", "postgres", "--", command, "-p", String(cluster.port), ...args],
  });
  if (isRoot && user !== "postgres") {
    const role = user.replaceAll("'", "''");
    const exists = run(
      asPostgres("psql", ["-tAc", `select 1 from pg_roles where rolname = '${role}'`]),
    );
    if (exists.ok && exists.output.trim() !== "1") {
      const create = asPostgres("createuser", ["--superuser", user]);
      log(
        `Giving ${user} a PostgreSQL superuser role (socket connections are by peer): ${commandLine(create)}`,
      );
      run(create);
    }
  }
  const url = postgresSocketUrl(user, cluster.port);
  const check = run({ command: "psql", args: [url, "-tAc", "select 1"] });
  if (!check.ok) {
    stop?.();
    return { unavailable: `cannot connect to ${url}: ${lastLines(check.output, 1)}` };
  }
  return { env: { [NEED_ENV.postgresql]: url }, stop };
}

/** What a found need gives the suites, starting the server it is if need be. */
export async function provide(found: Found, log: (line: string) => void): Promise<Provided> {
  switch (found.need) {
    case "chromium":
    case "nginx":
      return { env: { [NEED_ENV[found.need]]: found.executable } };
    case "postgresql":
      return "url" in found
        ? { env: { [NEED_ENV.postgresql]: found.url } }
        : providePostgres(found.version, log);
    case "redis":
      return "url" in found
        ? { env: { [NEED_ENV.redis]: found.url } }
        : provideRedis(found.server, log);
  }
}
