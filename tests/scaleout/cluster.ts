import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "../reliability/paths";
import { AppServer, freePort } from "../reliability/server";
import { SCALEOUT_DIR, state } from "./paths";

/**
 * nginx with the sample configuration as it is: deploy/nginx.conf reached through a symbolic
 * link in a folder of the suite's own, beside the two files it includes, written here with the
 * servers' ports and a free port to listen on (nginx resolves includes beside the file it was
 * given). Its pid file, logs and temporary files are under its own prefix.
 */
export class Nginx {
  readonly url: string;
  #child: ChildProcess | undefined;
  #exited: Promise<void> = Promise.resolve();

  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  static async start(port: number, upstreams: number[]): Promise<Nginx> {
    const dir = path.join(SCALEOUT_DIR, "nginx");
    const conf = path.join(dir, "conf");
    const prefix = path.join(dir, "prefix");
    for (const sub of [conf, path.join(prefix, "logs"), path.join(prefix, "temp")])
      fs.mkdirSync(sub, { recursive: true });
    fs.rmSync(path.join(conf, "nginx.conf"), { force: true });
    fs.symlinkSync(path.join(ROOT, "deploy", "nginx.conf"), path.join(conf, "nginx.conf"));
    fs.writeFileSync(
      path.join(conf, "rollcall-upstream.conf"),
      upstreams.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;\n`).join(""),
    );
    fs.writeFileSync(path.join(conf, "rollcall-listen.conf"), `listen 127.0.0.1:${port};\n`);
    const nginx = new Nginx(port, dir);
    const errorLog = path.join(prefix, "logs", "error.log");
    const child = spawn(
      state().nginx,
      // In the foreground, so the suite owns the process and stops it with its group.
      [
        "-c",
        path.join(conf, "nginx.conf"),
        "-p",
        `${prefix}/`,
        "-e",
        errorLog,
        "-g",
        "daemon off;",
      ],
      { detached: true, stdio: ["ignore", "ignore", "inherit"] },
    );
    nginx.#child = child;
    nginx.#exited = new Promise((resolve) => child.once("exit", () => resolve()));
    let exited = false;
    void nginx.#exited.then(() => (exited = true));
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      if (exited) throw new Error(`nginx exited while starting: see ${errorLog}`);
      const ok = await fetch(`${nginx.url}/api/health`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return nginx;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`nginx did not answer within 15 s: see ${errorLog}`);
  }

  get origin() {
    return this.url;
  }

  async stop() {
    const pid = this.#child?.pid;
    if (pid) {
      try {
        process.kill(-pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await this.#exited;
  }
}

/** Two servers of the same build on one database and one Redis, and nginx in front. */
export class Cluster {
  private constructor(
    readonly a: AppServer,
    readonly b: AppServer,
    readonly nginx: Nginx,
  ) {}

  static async start(): Promise<Cluster> {
    const { databaseUrl, redisUrl } = state();
    const nginxPort = await freePort();
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      // What every instance behind one address shares: the secret that signs sessions, the
      // public origin (Better Auth checks a sign-in's Origin against it), and which proxy's
      // X-Forwarded-For to believe.
      BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
      BETTER_AUTH_URL: `http://127.0.0.1:${nginxPort}`,
      TRUSTED_PROXIES: "127.0.0.1",
    };
    const [a, b] = await Promise.all(
      ["a", "b"].map((name) =>
        AppServer.start(`instance-${name}`, { dbFile: null, env, logDir: SCALEOUT_DIR }),
      ),
    );
    const nginx = await Nginx.start(nginxPort, [a!.port, b!.port]);
    return new Cluster(a!, b!, nginx);
  }

  async stop() {
    await Promise.all([this.nginx.stop(), this.a.stop(), this.b.stop()]);
  }
}
