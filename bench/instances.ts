/**
 * `npm run bench -- --postgres --instances N`: the same build started N times on the same
 * PostgreSQL database and one Redis (the shared page cache), behind nginx with the sample
 * configuration (deploy/nginx.conf, scripts/nginx.ts), loaded through nginx; and the same with
 * one instance behind the same nginx, in the same run, so the two compare on one machine's
 * conditions.
 */
import path from "node:path";
import { LOOPBACK_HOST, loopbackIp } from "../scripts/loopback.mjs";
import { startNginx } from "../scripts/nginx";
import { runLoad, type LoadResult } from "./load";
import { startServer, stopServer, waitForHttp, type Server } from "./processes";

export type InstancesTarget = { name: string; path: string; headers?: Record<string, string> };

/** Where the benchmark finds Redis and nginx for --instances, or why it cannot. */
export function instancesSetup(env: NodeJS.ProcessEnv): { redisUrl: string; nginx: string } {
  const redisUrl = env.BENCH_REDIS_URL ?? env.TEST_REDIS_URL;
  const nginx = env.NGINX_PATH ?? "/usr/sbin/nginx";
  if (!redisUrl) {
    throw new Error(
      "--instances needs BENCH_REDIS_URL (or TEST_REDIS_URL): the Redis the instances share, e.g. redis://127.0.0.1:6379.",
    );
  }
  return { redisUrl, nginx };
}

export async function measureInstances(options: {
  root: string;
  work: string;
  env: NodeJS.ProcessEnv;
  counts: number[];
  redisUrl: string;
  nginx: string;
  firstPort: number;
  nginxPort: number;
  targets: InstancesTarget[];
  connections: number;
  seconds: number;
  warmupSeconds: number;
  log: (message: string) => void;
}): Promise<Record<string, Record<string, LoadResult>>> {
  const results: Record<string, Record<string, LoadResult>> = {};
  const nextBin = path.join(options.root, "node_modules", ".bin", "next");
  for (const count of options.counts) {
    const servers: Server[] = [];
    let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
    try {
      for (let i = 0; i < count; i++) {
        const port = options.firstPort + i;
        servers.push(
          startServer(nextBin, ["start", "-p", String(port), "-H", LOOPBACK_HOST], {
            cwd: options.root,
            env: {
              ...options.env,
              REDIS_URL: options.redisUrl,
              TRUSTED_PROXIES: await loopbackIp(),
            },
            port,
          }),
        );
      }
      for (const server of servers)
        await waitForHttp(`http://${LOOPBACK_HOST}:${server.port}/api/health`);
      nginx = await startNginx({
        nginx: options.nginx,
        dir: path.join(options.work, "nginx"),
        port: options.nginxPort,
        upstreams: servers.map((s) => s.port),
      });
      const label = `nginx, ${count} instance${count === 1 ? "" : "s"}`;
      options.log(`${label}: ${nginx.url}`);
      const figures: Record<string, LoadResult> = {};
      for (const target of options.targets) {
        const url = nginx.url + target.path;
        // Every instance renders (and Redis stores) the page before it is measured.
        for (let i = 0; i < count * 2; i++)
          await fetch(url, { headers: target.headers }).then((r) => r.arrayBuffer());
        const load = { connections: options.connections, headers: target.headers };
        await runLoad(options.root, url, { ...load, seconds: options.warmupSeconds });
        const result = await runLoad(options.root, url, { ...load, seconds: options.seconds });
        options.log(
          `${label}, ${target.name}: ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms${result.failures ? `, ${result.failures} FAILURES` : ""}`,
        );
        figures[target.name] = result;
      }
      results[label] = figures;
    } catch (error) {
      for (const server of servers) console.error(server.log.join("").slice(-2000));
      throw error;
    } finally {
      await nginx?.stop();
      for (const server of servers) await stopServer(server);
    }
  }
  return results;
}
