import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { expect, test } from "@playwright/test";
import { openDatabase } from "./db";
import { RELIABILITY_DIR, ROOT } from "./paths";
import { AppServer, copyTemplate, removeDatabase } from "./server";

/**
 * The page cache (docs/architecture.md, "The page cache") belongs to one database, even across
 * restarts of the same build, a change of DATABASE_URL and a restore; cached pages carry a
 * Cache-Control a shared cache can follow, HSTS behind https; and they leave compressed once, in
 * the coding each request asks for.
 */
const SEED_EVENT = "Victory Day Parade";
const OTHER_EVENT = "Lima Forum 1998";

/** A database like the seed's, whose one event has another name. */
function otherDatabase(file: string) {
  copyTemplate(file);
  const db = openDatabase(file);
  try {
    db.prepare("UPDATE Event SET name = ?").run(OTHER_EVENT);
  } finally {
    db.close();
  }
}

/** The home page's heading: the featured event's name. */
async function home(server: AppServer) {
  const response = await fetch(`${server.url}/`);
  const html = await response.text();
  const heading =
    /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1] ?? `(no heading in ${html.length} bytes)`;
  return { cache: response.headers.get("x-nextjs-cache"), heading };
}

/** The event's name on its list by status and in the API's first page: cached views too. */
async function views(server: AppServer) {
  const page = await fetch(`${server.url}/events/victory-day-parade-2025?status=confirmed`);
  const html = await page.text();
  const api = await fetch(`${server.url}/api/events/victory-day-parade-2025/attendance`);
  const body = (await api.json()) as { event: { name: string } };
  return {
    caches: [page.headers.get("x-nextjs-cache"), api.headers.get("x-nextjs-cache")],
    names: [/<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1], body.event.name],
  };
}

function restore(backup: string, databaseFile: string) {
  return new Promise<{ code: number; output: string }>((resolve) => {
    const child = spawn("npm", ["run", "--silent", "db:restore", "--", backup], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => resolve({ code: code ?? 1, output }));
  });
}

test("a page cached from one database is never served from another, nor after a restore", async () => {
  const fileA = path.join(RELIABILITY_DIR, "cache-a.db");
  const fileB = path.join(RELIABILITY_DIR, "cache-b.db");
  copyTemplate(fileA);
  otherDatabase(fileB);

  // Database A: the home page is rendered once, then served from the cache.
  let server = await AppServer.start("cache-a", { dbFile: fileA });
  try {
    expect((await home(server)).heading).toBe(SEED_EVENT);
    const cached = await home(server);
    expect(cached.cache).toBe("HIT");
    expect(cached.heading).toBe(SEED_EVENT);
    expect((await views(server)).names).toEqual([SEED_EVENT, SEED_EVENT]);
    expect(await views(server)).toEqual({
      caches: ["HIT", "HIT"],
      names: [SEED_EVENT, SEED_EVENT],
    });
  } finally {
    await server.stop();
  }

  // The same build on database B (another DATABASE_URL): B's event, not A's cached page.
  server = await AppServer.start("cache-b", { dbFile: fileB });
  try {
    expect((await home(server)).heading).toBe(OTHER_EVENT);
    expect((await views(server)).names).toEqual([OTHER_EVENT, OTHER_EVENT]);
  } finally {
    await server.stop();
  }

  // B's contents restored over A (a copy of the same template, so the same identity until the
  // restore renews it): A's cached page must not come back.
  const backup = path.join(RELIABILITY_DIR, "cache-b-backup.db");
  fs.copyFileSync(fileB, backup);
  const restored = await restore(backup, fileA);
  expect(restored.code, restored.output).toBe(0);
  server = await AppServer.start("cache-a-restored", { dbFile: fileA });
  try {
    expect((await home(server)).heading).toBe(OTHER_EVENT);
    expect((await home(server)).cache).toBe("HIT"); // and it is cached again, from B's data
    expect((await views(server)).names).toEqual([OTHER_EVENT, OTHER_EVENT]);
  } finally {
    await server.stop();
    for (const file of [fileA, fileB, backup]) removeDatabase(file);
  }
});

test.describe("a server's cached pages", () => {
  let server: AppServer;
  test.beforeAll(async () => {
    server = await AppServer.start("cache-headers", { env: { CACHE_S_MAXAGE: "45" } });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("a shared cache in front may keep them briefly, not for a year", async () => {
    const db = openDatabase(server.dbFile, { readonly: true });
    const first = (table: string) =>
      db.prepare(`SELECT id FROM ${table} ORDER BY id LIMIT 1`).pluck().get() as number;
    const records = [
      `/attendance/${first("Attendance")}`,
      `/leaders/${first("Leader")}`,
      `/sources/${first("Source")}`,
    ];
    db.close();
    for (const path of [
      "/",
      "/events/victory-day-parade-2025?sort=country",
      "/api/events/victory-day-parade-2025/attendance?status=declined",
      // Pages only an edit renews (a leader's and a source's): Next's own would say a year.
      ...records,
    ]) {
      await fetch(`${server.url}${path}`).then((r) => r.arrayBuffer());
      const response = await fetch(`${server.url}${path}`);
      expect(response.headers.get("x-nextjs-cache"), path).toBe("HIT");
      const cacheControl = response.headers.get("cache-control") ?? "";
      expect(cacheControl, path).toMatch(/\bs-maxage=45\b/);
      expect(cacheControl, path).toMatch(/\bstale-while-revalidate=300\b/);
      expect(cacheControl, path).toMatch(/\bmax-age=0\b/); // browsers ask again: an editor sees an edit
    }
  });

  test("over https (as the proxy in front says) they and every other page carry HSTS", async () => {
    for (const url of ["/", "/sign-in", "/api/health"]) {
      const https = await fetch(server.url + url, { headers: { "x-forwarded-proto": "https" } });
      expect(https.headers.get("strict-transport-security"), url).toMatch(/max-age=\d{7,}/);
      const http = await fetch(server.url + url);
      expect(http.headers.get("strict-transport-security"), url).toBeNull();
    }
  });

  test("behind a proxy that ends TLS, a search, a day and an embed are answered, not proxied", async () => {
    // What deploy/nginx.conf sends on for a reader who came over https. These are the pages
    // proxy.ts rewrites; were the server started at a loopback address, Next would send each
    // on to itself over HTTP, as https, and answer 500 (scripts/loopback.mjs).
    const headers = { "x-forwarded-proto": "https", "x-forwarded-host": "rollcall.example" };
    for (const path of [
      "/events/victory-day-parade-2025?q=xi",
      "/events/victory-day-parade-2025?asOf=2025-05-09",
      "/embed/events/victory-day-parade-2025?status=confirmed",
    ]) {
      const response = await fetch(server.url + path, { headers });
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toContain("Xi Jinping");
    }
    expect(server.logTail(200)).not.toContain("Failed to proxy");
  });

  test("they leave compressed in the coding asked for, the same page in each", async () => {
    const url = `${server.url}/events/victory-day-parade-2025`;
    // Node's fetch would decode the body itself; node:http's raw bytes are what was sent.
    const raw = (acceptEncoding: string) =>
      new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http
          .get(url, { headers: { "accept-encoding": acceptEncoding } }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
            res.on("error", reject);
          })
          .on("error", reject);
      });
    await raw("");
    // Compressed in the background once stored: the first requests may get it uncompressed.
    await expect
      .poll(async () => (await raw("br")).headers["content-encoding"], { timeout: 10_000 })
      .toBe("br");
    const plain = await raw("");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const html = plain.body.toString("utf8");
    expect(html).toContain(`>${SEED_EVENT}</h1>`);

    const br = await raw("gzip, deflate, br, zstd");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(br.body).toString("utf8")).toBe(html);
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
    const gzip = await raw("gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gzip.body).toString("utf8")).toBe(html);
    // Requests for the page that arrive together share one cache lookup in Next: each must
    // still get its own coding.
    const codings = ["br", "gzip", "", "gzip, br", "identity"];
    const together = await Promise.all(
      Array.from({ length: 40 }, (_, i) => raw(codings[i % codings.length]!)),
    );
    together.forEach((response, i) => {
      const asked = codings[i % codings.length]!;
      const coding = response.headers["content-encoding"];
      expect(coding, asked).toBe(
        asked.includes("br") ? "br" : asked === "gzip" ? "gzip" : undefined,
      );
      const body =
        coding === "br"
          ? zlib.brotliDecompressSync(response.body)
          : coding === "gzip"
            ? zlib.gunzipSync(response.body)
            : response.body;
      expect(body.toString("utf8") === html, asked).toBe(true);
    });
    for (const response of [plain, br, gzip]) {
      expect(String(response.headers.vary)).toMatch(/accept-encoding/i);
      expect(response.headers["x-nextjs-cache"]).toBe("HIT");
    }
  });
});

test("a bad cache setting stops the server at start, saying which", async () => {
  const started = AppServer.start("cache-bad-setting", { env: { CACHE_S_MAXAGE: "-5" } });
  // It exits, rather than staying up and failing every request until the start times out.
  await expect(started).rejects.toThrow(
    /exited while starting[\s\S]*Rollcall cannot start: CACHE_S_MAXAGE cannot be negative/,
  );
});
