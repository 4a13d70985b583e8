/**
 * Starts nginx with the sample configuration as it is, for the scale-out tests and the
 * benchmark: deploy/nginx.conf reached through a symbolic link in a folder of the caller's,
 * beside the two files it includes (nginx resolves includes beside the file it was given),
 * written here with the servers' ports and the port to listen on. Its pid file, logs and
 * temporary files are under its own prefix in the same folder. In the foreground and in a
 * process group of its own, so stop() ends nginx and nothing else.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loopbackAddress } from "./loopback.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SAMPLE_CONFIG = path.join(ROOT, "deploy", "nginx.conf");

export type Nginx = {
  url: string;
  port: number;
  /** nginx's master process (its workers are its children). */
  pid: number;
  errorLog: string;
  stop(): Promise<void>;
};

export async function startNginx(options: {
  /** nginx's executable. */
  nginx: string;
  /** A folder of the caller's own; emptied. */
  dir: string;
  port: number;
  /** The instances' ports on the loopback (scripts/loopback.mjs). */
  upstreams: number[];
}): Promise<Nginx> {
  const { dir, port } = options;
  fs.rmSync(dir, { recursive: true, force: true });
  const conf = path.join(dir, "conf");
  const prefix = path.join(dir, "prefix");
  for (const sub of [conf, path.join(prefix, "logs"), path.join(prefix, "temp")])
    fs.mkdirSync(sub, { recursive: true });
  fs.symlinkSync(SAMPLE_CONFIG, path.join(conf, "nginx.conf"));
  const loopback = await loopbackAddress();
  fs.writeFileSync(
    path.join(conf, "rollcall-upstream.conf"),
    options.upstreams
      .map((p) => `server ${loopback}:${p} max_fails=1 fail_timeout=10s;\n`)
      .join(""),
  );
  fs.writeFileSync(path.join(conf, "rollcall-listen.conf"), `listen 127.0.0.1:${port};\n`);
  const errorLog = path.join(prefix, "logs", "error.log");
  const child = spawn(
    options.nginx,
    ["-c", path.join(conf, "nginx.conf"), "-p", `${prefix}/`, "-e", errorLog, "-g", "daemon off;"],
    { detached: true, stdio: ["ignore", "ignore", "inherit"] },
  );
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", () => {
      exited = true;
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!exited && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await exit;
  };
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`nginx exited while starting: see ${errorLog}`);
    const ok = await fetch(`${url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return { url, port, pid: child.pid!, errorLog, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`nginx did not answer within 15 s: see ${errorLog}`);
}
