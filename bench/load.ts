/** Load from a second process: autocannon's command line, one run per target, read as JSON. */
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { cpuMs } from "./processes";

export type LoadResult = {
  url: string;
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  bytesPerResponse: number;
  /** Responses other than 2xx, plus connection errors and timeouts: must be 0. */
  failures: number;
  /**
   * CPU time the serving process spent per request: unlike req/s and latency, it barely moves
   * when other work shares the machine, so runs on a busy machine can still be compared.
   */
  serverCpuMsPerRequest: number | null;
  /** The 1-minute load average when the run started: the machine is shared. */
  loadAverage: number;
};

type AutocannonJson = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  throughput: { total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
};

export async function runLoad(
  root: string,
  url: string,
  options: {
    connections: number;
    seconds: number;
    headers?: Record<string, string>;
    /** The serving process, or processes (nginx's master and workers), whose CPU is summed. */
    serverPid?: number | readonly number[];
  },
): Promise<LoadResult> {
  const args = ["-c", String(options.connections), "-d", String(options.seconds), "--json"];
  for (const [name, value] of Object.entries(options.headers ?? {}))
    args.push("-H", `${name}=${value}`);
  args.push(url);
  const loadAverage = os.loadavg()[0]!;
  const pids = options.serverPid === undefined ? [] : [options.serverPid].flat();
  const cpuNow = () => pids.reduce((sum, pid) => sum + cpuMs(pid), 0);
  const cpuBefore = cpuNow();
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules", ".bin", "autocannon"), args, {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve(stdout)
        : reject(new Error(`autocannon exited with ${code}: ${stderr.slice(-500)}`)),
    );
  });
  const json = JSON.parse(output) as AutocannonJson;
  const cpu = pids.length > 0 ? cpuNow() - cpuBefore : null;
  return {
    url,
    connections: options.connections,
    requestsPerSecond: json.requests.average,
    p50Ms: json.latency.p50,
    p99Ms: json.latency.p99,
    requests: json.requests.total,
    bytesPerResponse:
      json.requests.total > 0 ? Math.round(json.throughput.total / json.requests.total) : 0,
    failures: json.non2xx + json.errors + json.timeouts,
    serverCpuMsPerRequest:
      cpu !== null && json.requests.total > 0
        ? Math.round((cpu / json.requests.total) * 100) / 100
        : null,
    loadAverage,
  };
}
