import { randomBytes } from "node:crypto";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { createClient } from "@redis/client";
import { KEPT_REVALIDATIONS, configurePageCache } from "../../lib/cache/page-cache.mjs";
import { decodeValue, encodeValue } from "../../lib/cache/cache-entry.mjs";
import RedisCacheStore, { closeRedisPageCache } from "../../lib/cache/redis-cache-store.mjs";
import { state } from "./paths";

/**
 * The Redis store of the page cache (lib/cache/redis-cache-store.mjs) on the suite's Redis,
 * below what the servers show: what one server stores, another reads byte for byte; a
 * revalidation by one is seen by all; a render stored just after another server's
 * revalidation is refused; databases sharing a Redis never see each other's pages.
 */
const namespace = () => `test-${randomBytes(6).toString("hex")}`;
/** The namespace of the test under way (its keys are `rollcall:<namespace>:…`). */
let current = "";

test.beforeEach(() => {
  process.env.REDIS_URL = state().redisUrl;
  current = namespace();
  configurePageCache({ namespace: current, cacheControl: "public, max-age=0" });
});
test.afterAll(async () => {
  await closeRedisPageCache();
});

/** A server's store: each is made the way Next makes it, with its handler context. */
const server = () => new RedisCacheStore({ serverDistDir: "/nonexistent/server" });

const page = (slug: string, words = "Lula attends") => ({
  kind: "APP_PAGE",
  html: `<!DOCTYPE html><p>${words} — 9 May 2025</p>`,
  rscData: Buffer.from(`rsc ${slug} ${words}`),
  headers: { "x-next-cache-tags": `_N_T_/layout,_N_T_/events/${slug}` },
  status: 200,
  postponed: undefined,
  segmentData: new Map([["/_tree", Buffer.from([0, 1, 2, 255])]]),
});

const read = (store: RedisCacheStore, key: string, softTags: string[] = []) =>
  store.get(key, { kind: "APP_PAGE", softTags }) as Promise<{
    lastModified: number;
    cacheControl?: unknown;
    value: ReturnType<typeof page> & { html: Buffer };
  } | null>;

test("a page one server stores, another reads byte for byte, HTML as bytes", async () => {
  const [a, b] = [server(), server()];
  const stored = page("a");
  await a.set("/events/a", stored, { cacheControl: { revalidate: false, expire: undefined } });
  const found = await read(b, "/events/a");
  expect(found).not.toBeNull();
  expect(Buffer.isBuffer(found!.value.html)).toBe(true);
  expect(found!.value.html.toString("utf8")).toBe(stored.html);
  expect(found!.value.rscData.equals(stored.rscData)).toBe(true);
  expect(found!.value.segmentData.get("/_tree")).toEqual(Buffer.from([0, 1, 2, 255]));
  expect(found!.value.headers).toEqual(stored.headers);
  expect(found!.lastModified).toBeGreaterThan(Date.now() - 60_000);
  // Its lifetime, without which B would take it for stale after a second and render it again.
  expect(found!.cacheControl).toEqual({ revalidate: false });
});

test("a revalidation through one server removes the page for every server, even one that kept it", async () => {
  const [a, b] = [server(), server()];
  await a.set("/events/b", page("b"), {});
  expect(await read(b, "/events/b"), "B reads it, and keeps it").not.toBeNull();
  expect(await read(b, "/events/b")).not.toBeNull();
  await a.revalidateTag(["_N_T_/events/b"]);
  expect(await read(b, "/events/b"), "gone for B").toBeNull();
  expect(await read(a, "/events/b"), "and for A").toBeNull();
});

test("a render stored through one server just after another revalidated its tag is not kept", async () => {
  const [a, b] = [server(), server()];
  // B began rendering before the save; A saved and revalidated; B's render arrives after.
  await a.revalidateTag("_N_T_/events/c");
  await b.set("/events/c", page("c", "before the save"), {});
  expect(await read(a, "/events/c"), "the render that may predate the save").toBeNull();
  // A page with none of the revalidated tags is stored as usual.
  await b.set("/events/d", page("d"), {});
  expect(await read(a, "/events/d")).not.toBeNull();
});

test("a page is not served once one of the request's implicit tags was revalidated after it", async () => {
  const a = server();
  await a.set("/events/e", page("e"), {});
  expect(await read(a, "/events/e", ["_N_T_/events/e/layout"])).not.toBeNull();
  await a.revalidateTag("_N_T_/events/e/layout");
  expect(await read(a, "/events/e", ["_N_T_/events/e/layout"])).toBeNull();
});

test("old revalidation times are forgotten past their bound, and no page stored before one is served for it", async () => {
  const a = server();
  const redis = createClient({ url: state().redisUrl });
  await redis.connect();
  try {
    const prefix = `rollcall:${current}:`;
    const [seconds, micros] = await redis.time();
    const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    await a.set("/events/g", page("g"), {});
    const [key] = await redis.keys(`${prefix}page:*`);
    // As if the page had been stored minutes ago, and then a tag it was not stored with (an
    // implicit tag of its path, asked with the read) revalidated, long enough ago to forget.
    await redis.hSet(key!, "t", String(now - 200_000));
    await redis.hSet(`${prefix}revalidated`, "_N_T_/events/g/odd", String(now - 150_000));
    expect(await read(a, "/events/g", ["_N_T_/events/g/odd"])).toBeNull();
    // Months of edits: more old times than Redis keeps.
    const filler = Object.fromEntries(
      Array.from({ length: KEPT_REVALIDATIONS }, (_, i) => [`_N_T_/leaders/${i}`, now - 100_000]),
    );
    await redis.hSet(`${prefix}revalidated`, filler);
    await a.revalidateTag("_N_T_/leaders/new");
    expect(await redis.hLen(`${prefix}revalidated`)).toBe(1);
    // The forgotten time no longer says the page predates it; the page is still not served.
    expect(await read(a, "/events/g", ["_N_T_/events/g/odd"])).toBeNull();
    // With the tags it was stored with (which delete it when revalidated), it is.
    expect(await read(a, "/events/g", ["_N_T_/layout", "_N_T_/events/g"])).not.toBeNull();
  } finally {
    await redis.quit();
  }
});

test("servers on another database sharing the Redis see none of these pages", async () => {
  const a = server();
  await a.set("/events/f", page("f"), {});
  expect(await read(a, "/events/f")).not.toBeNull();
  configurePageCache({ namespace: namespace(), cacheControl: "public, max-age=0" });
  expect(await read(server(), "/events/f")).toBeNull();
});

test("with Redis unreachable a page is rendered rather than served, and nothing is stored", async () => {
  process.env.REDIS_URL = "redis://127.0.0.1:9"; // the discard port: nothing listens
  const a = server();
  const started = Date.now();
  expect(await read(a, "/events/g")).toBeNull();
  await a.set("/events/g", page("g"), {});
  expect(Date.now() - started, "without waiting long for Redis").toBeLessThan(5_000);
  await closeRedisPageCache();
});

/** A TCP relay to the suite's Redis that the test can cut and restore, like a network would. */
async function relay() {
  const target = new URL(state().redisUrl);
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 6379), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  await open();
  return {
    url: () => `redis://127.0.0.1:${port}`,
    async cut() {
      const closed = new Promise((resolve) => server!.close(resolve));
      for (const s of sockets) s.destroy();
      await closed;
    },
    restore: open,
  };
}

test("an edit saved while Redis was out of reach: once it is back, no page stored before is served", async () => {
  const link = await relay();
  process.env.REDIS_URL = link.url();
  const a = server();
  await a.set("/events/h", page("h", "before the outage"), {});
  expect(await read(a, "/events/h")).not.toBeNull();

  await link.cut();
  const started = Date.now();
  await a.revalidateTag("_N_T_/events/h"); // the save stands; Redis never hears of it
  expect(Date.now() - started, "the editor is not kept waiting long").toBeLessThan(5_000);
  expect(await read(a, "/events/h"), "rendered while Redis is away").toBeNull();

  await link.restore();
  // Whatever moment a reader comes back, the page from before the edit is not served.
  const deadline = Date.now() + 10_000;
  let reads = 0;
  while (Date.now() < deadline) {
    expect(await read(a, "/events/h"), "the page stored before the outage").toBeNull();
    reads++;
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (reads > 20 && (await a.set("/events/i", page("i"), {}), await read(a, "/events/i"))) break;
  }
  expect(await read(a, "/events/i"), "new pages are stored and served again").not.toBeNull();
  await closeRedisPageCache();
});

test("an entry's bytes travel apart from its JSON and come back as they were", () => {
  const value = { a: Buffer.from("x"), m: new Map([["k", Buffer.from("y")]]), n: [1, "two"] };
  const { json, blobs } = encodeValue(value);
  expect(JSON.stringify(json)).not.toContain("eA=="); // no base64 inside
  expect(blobs).toHaveLength(2);
  expect(decodeValue(JSON.parse(JSON.stringify(json)), blobs)).toEqual(value);
});

test("searches and days are bounded apart: a flood of them never pushes a list out", async () => {
  configurePageCache({
    namespace: namespace(),
    cacheControl: "public, max-age=0",
    maxEntries: 3,
    maxQueryEntries: 2,
  });
  const [a, b] = [server(), server()];
  for (let i = 0; i < 3; i++) await a.set(`/events/list-${i}`, page(`list-${i}`), {});
  const query = (i: number) => `/events/list-0/query/cT1${i}`;
  for (let i = 0; i < 6; i++) await a.set(query(i), page("list-0", `search ${i}`), {});
  for (let i = 0; i < 3; i++)
    expect(await read(b, `/events/list-${i}`), `list ${i}`).not.toBeNull();
  expect(await read(b, query(3)), "an older search").toBeNull();
  expect(await read(b, query(5)), "the newest search").not.toBeNull();
  // Lists push out lists, not the searches.
  await a.set("/events/list-3", page("list-3"), {});
  expect(await read(b, "/events/list-0")).toBeNull();
  expect(await read(b, query(4))).not.toBeNull();
});
