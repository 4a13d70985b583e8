import { expect, test } from "@playwright/test";
import { HashingQueue } from "../../lib/auth/hashing-queue";
import { pool } from "./http";
import { AppServer } from "./server";

/**
 * Sign-in as a denial of service (docs/operations.md, "Sign-in under a flood"): every sign-in with
 * an unknown email hashes its password (scrypt at 128 MiB, slow on purpose, so that an unknown
 * email takes as long as a known one). A burst of them, 32 at once and no session needed,
 * must leave readers served about as fast as before and the server's memory bounded: the hashing
 * runs a few at a time, and beyond a short queue a sign-in is refused at once with Retry-After.
 *
 * The bounds are loose (this machine is shared and slow under load); without the queue the
 * burst took every core and the pool of threads that also reads cached pages from disk:
 * readers waited, and the memory grew by 128 MiB for every hash running at once.
 */
let server: AppServer;

test.beforeAll(async () => {
  server = await AppServer.start("sign-in-load");
});
test.afterAll(async () => {
  await server?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

async function timed(path: string) {
  const started = performance.now();
  const response = await fetch(`${server.url}${path}`);
  await response.arrayBuffer();
  expect(response.status, path).toBe(200);
  return performance.now() - started;
}

async function signInAttempt(email: string) {
  const response = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { origin: server.origin, "content-type": "application/json" },
    body: JSON.stringify({ email, password: "a-guessed-password" }),
  });
  await response.arrayBuffer();
  return { status: response.status, retryAfter: response.headers.get("retry-after") };
}

test("a burst of sign-ins with unknown emails leaves readers served and memory bounded", async () => {
  const paths = ["/", "/api/health"] as const;
  // A running server: the pages and the sign-in route loaded once.
  for (let i = 0; i < 5; i++) for (const path of paths) await timed(path);
  await signInAttempt("warm-up@example.org");
  const idle = { "/": [] as number[], "/api/health": [] as number[] };
  for (let i = 0; i < 15; i++) for (const path of paths) idle[path].push(await timed(path));

  const during = { "/": [] as number[], "/api/health": [] as number[] };
  const rssBefore = server.rssMiB();
  let rssPeak = rssBefore;
  let done = false;
  const sampler = (async () => {
    while (!done) {
      rssPeak = Math.max(rssPeak, server.rssMiB());
      await sleep(25);
    }
  })();
  const reader = (async () => {
    await sleep(200); // let the burst begin
    while (!done) {
      for (const path of paths) during[path].push(await timed(path));
      await sleep(50);
    }
  })();

  const started = performance.now();
  const answers = await pool(
    Array.from({ length: 64 }, (_, i) => () => signInAttempt(`burst-${i}@example.org`)),
    32,
  );
  const burstMs = performance.now() - started;
  // Readers keep reading a little after the last answer: what the queue still holds.
  await sleep(500);
  done = true;
  await Promise.all([sampler, reader]);

  const statuses = answers.map((a) => a.status);
  const count = (status: number) => statuses.filter((s) => s === status).length;
  const figures = paths.map(
    (path) =>
      `${path}: idle median ${Math.round(median(idle[path]))} ms, during the burst median ` +
      `${Math.round(median(during[path]))} ms, mean ${Math.round(mean(during[path]))} ms, ` +
      `max ${Math.round(Math.max(...during[path]))} ms ` +
      `(${during[path].length} requests)`,
  );
  console.log(
    [
      `sign-in burst: 64 unknown emails, 32 at once, in ${Math.round(burstMs)} ms: ` +
        `${count(401)} refused as wrong (hashed), ${count(503)} refused at once as busy`,
      ...figures.map((f) => `  ${f}`),
      `  server RSS ${Math.round(rssBefore)} → peak ${Math.round(rssPeak)} MiB`,
    ].join("\n"),
  );

  // Every answer is a refusal of the guess, of the address (over its limit), or "busy, retry
  // after N s"; never a failure.
  expect(count(401) + count(429) + count(503), JSON.stringify(statuses)).toBe(64);
  for (const a of answers.filter((x) => x.status === 503)) {
    expect(Number(a.retryAfter), "Retry-After").toBeGreaterThanOrEqual(1);
  }
  for (const path of paths) {
    expect(during[path].length, `${path} was read during the burst`).toBeGreaterThanOrEqual(4);
    // The mean, not the median: without the queue most requests were quick and one waited
    // for the whole burst. The first request of the burst may wait behind the 32 that
    // arrived with it, hashing or not, as it would behind any 32 requests.
    const bound = Math.max(10 * median(idle[path]), median(idle[path]) + 400);
    expect(mean(during[path]), `${path}: mean during the burst`).toBeLessThan(bound);
    expect(Math.max(...during[path]), `${path}: slowest during the burst`).toBeLessThan(8_000);
  }
  // Each hash running at once holds 128 MiB; the rest is the server's own allocations.
  const hashesAtOnce = new HashingQueue().concurrency;
  expect(rssPeak - rssBefore, "memory growth (MiB)").toBeLessThan(128 * hashesAtOnce + 200);
});
