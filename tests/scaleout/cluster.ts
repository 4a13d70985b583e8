import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { loopbackIp } from "../../scripts/loopback.mjs";
import { startNginx, type Nginx } from "../../scripts/nginx";
import { AppServer, freePort } from "../reliability/server";
import { SCALEOUT_DIR, state } from "./paths";

/**
 * How long nginx (and any shared cache) may keep a page, CACHE_S_MAXAGE: a few seconds, so a
 * test can see an edit arrive through nginx's cache without waiting the default minute.
 */
export const SHARED_CACHE_SECONDS = 3;

/**
 * Two servers of the same build on one database and one Redis, and nginx in front with the
 * sample configuration as it is (scripts/nginx.ts).
 */
export class Cluster {
  private constructor(
    readonly a: AppServer,
    readonly b: AppServer,
    readonly nginx: Nginx & { origin: string },
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
      TRUSTED_PROXIES: await loopbackIp(), // where nginx connects to them from
      CACHE_S_MAXAGE: String(SHARED_CACHE_SECONDS),
    };
    const [a, b] = await Promise.all(
      ["a", "b"].map((name) =>
        AppServer.start(`instance-${name}`, { dbFile: null, env, logDir: SCALEOUT_DIR }),
      ),
    );
    const nginx = await startNginx({
      nginx: state().nginx,
      dir: path.join(SCALEOUT_DIR, "nginx"),
      port: nginxPort,
      upstreams: [a!.port, b!.port],
    });
    return new Cluster(a!, b!, { ...nginx, origin: nginx.url });
  }

  /** nginx's access log (deploy/nginx.conf's `rollcall` format): one line a request. */
  nginxAccessLog(): string {
    return fs.readFileSync(path.join(path.dirname(this.nginx.errorLog), "access.log"), "utf8");
  }

  async stop() {
    await Promise.all([this.nginx.stop(), this.a.stop(), this.b.stop()]);
  }
}
