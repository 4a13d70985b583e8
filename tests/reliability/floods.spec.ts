import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { openDatabase } from "./db";
import { pool, signIn } from "./http";
import { RELIABILITY_DIR, ROOT, editors } from "./paths";
import { AppServer, removeDatabase } from "./server";

/**
 * Anonymous floods and odd requests (docs/operations.md, "Floods and odd requests"). Each test is
 * what an outside attacker tried: huge bodies on the auth routes, made-up addresses filling the
 * page cache, a burst of sign-ins keeping an editor out, pages outside the script policy,
 * prefetches cached for a year, and the lows. One server, which believes one proxy's
 * X-Forwarded-For, so that the sign-in tests can come from several addresses.
 */
const EVENT = "victory-day-parade-2025";
const S_MAXAGE = 77;
const CONFIGURED = `public, max-age=0, s-maxage=${S_MAXAGE}, stale-while-revalidate=300`;
let server: AppServer;

test.beforeAll(async () => {
  server = await AppServer.start("floods", {
    env: { TRUSTED_PROXIES: "1", CACHE_S_MAXAGE: String(S_MAXAGE) },
  });
});
test.afterAll(async () => {
  await server?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function query<T>(sql: string, ...args: unknown[]): T {
  const db = openDatabase(server.dbFile, { readonly: true });
  try {
    return db
      .prepare(sql)
      .pluck()
      .get(...args) as T;
  } finally {
    db.close();
  }
}

function run(sql: string, ...args: unknown[]) {
  const db = openDatabase(server.dbFile);
  try {
    db.prepare(sql).run(...args);
  } finally {
    db.close();
  }
}

test("a 50 MB body to the auth routes is refused with 413, declared or streamed, and the memory stays", async () => {
  const routes = ["/api/auth/sign-in/email", "/api/auth/sign-out", "/api/auth/sign-up/email"];
  // The routes loaded once, so that loading them is not counted as growth.
  for (const route of routes) {
    await fetch(server.url + route, {
      method: "POST",
      headers: { origin: server.origin, "content-type": "application/json" },
      body: "{}",
    }).then((r) => r.arrayBuffer());
  }
  await sleep(500);
  const before = server.rssMiB();
  let peak = before;
  let done = false;
  const sampler = (async () => {
    while (!done) {
      peak = Math.max(peak, server.rssMiB());
      await sleep(20);
    }
  })();
  const size = 50 * 2 ** 20;
  const declared = Buffer.alloc(size, "a");
  const chunk = Buffer.alloc(2 ** 20, "a");
  const statuses: string[] = [];
  try {
    for (const route of routes) {
      const headers = { origin: server.origin, "content-type": "application/json" };
      const whole = await fetch(server.url + route, { method: "POST", headers, body: declared });
      await whole.arrayBuffer();
      statuses.push(`${route} declared: ${whole.status}`);
      // Chunked: no Content-Length, counted as it comes.
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= size) return controller.close();
          sent += chunk.length;
          controller.enqueue(chunk);
        },
      });
      const streamed = await fetch(server.url + route, {
        method: "POST",
        headers,
        body: stream,
        duplex: "half",
      } as RequestInit);
      await streamed.arrayBuffer();
      statuses.push(`${route} streamed: ${streamed.status}`);
    }
  } finally {
    done = true;
    await sampler;
  }
  console.log(`50 MB bodies: ${statuses.join(", ")}; RSS ${before} → peak ${peak} MiB`);
  expect(statuses).toEqual(routes.flatMap((r) => [`${r} declared: 413`, `${r} streamed: 413`]));
  expect(peak - before, "memory growth (MiB)").toBeLessThan(40);
  // The server still answers, and signs in.
  const { emails, password } = editors();
  await signIn(server, emails[3]!, password);
});

/** The page cache's files under the build and their bytes. */
function cacheSize() {
  const root = path.join(ROOT, ".next/server/page-cache");
  if (!fs.existsSync(root)) return { files: 0, bytes: 0 };
  let files = 0;
  let bytes = 0;
  for (const name of fs.readdirSync(root, { recursive: true }) as string[]) {
    const stat = fs.statSync(path.join(root, name));
    if (stat.isFile()) {
      files++;
      bytes += stat.size;
    }
  }
  return { files, bytes };
}

test("unknown addresses cost nothing lasting: no 404 is cached, odd slugs leave no trace", async () => {
  // The real pages cached first, so that only the unknown ones could add anything.
  for (const page of ["/", `/events/${EVENT}`])
    await fetch(server.url + page).then((r) => r.text());
  await sleep(500);
  const before = cacheSize();
  expect(before.files, "the real pages' entries").toBeGreaterThan(0);
  const suffix = Date.now().toString(36);
  const paths = [
    ...Array.from({ length: 400 }, (_, i) => `/events/no-such-event-${suffix}-${i}`),
    ...Array.from({ length: 100 }, (_, i) => `/home/view/no-such-view-${suffix}-${i}/name`),
    // Searches' pages by a segment the proxy never makes (lib/validation/query-view.ts).
    ...Array.from({ length: 100 }, (_, i) => `/events/${EVENT}/query/${suffix}${i}`),
    ...Array.from({ length: 50 }, (_, i) => `/home/query/${suffix}${i}`),
    ...Array.from(
      { length: 50 },
      (_, i) => `/events/${EVENT}/query/${Buffer.from(`sort=name&q=${i}`).toString("base64url")}`,
    ),
  ];
  const statuses = await pool(
    paths.map((p) => () => fetch(server.url + p).then(async (r) => (await r.text(), r.status))),
    4,
  );
  expect(new Set(statuses)).toEqual(new Set([404]));
  await sleep(500);
  const after = cacheSize();
  console.log(
    `${paths.length} unknown addresses: cache ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
  );
  expect(after.files).toBe(before.files);
  expect(after.bytes).toBe(before.bytes);

  const logBefore = fs.statSync(server.logFile).size;
  for (const odd of [
    `/events/${"a".repeat(300)}`,
    `/events/${"é".repeat(200)}`,
    "/events/a%00b",
    "/home/view/a%00b/name",
    `/api/events/${"a".repeat(300)}/attendance`,
  ]) {
    const response = await fetch(server.url + odd);
    await response.text();
    expect(response.status, odd).toBe(404);
  }
  await sleep(300);
  const logged = fs.readFileSync(server.logFile, "utf8").slice(logBefore);
  expect(logged, "the server's log after odd slugs").not.toMatch(
    /ENAMETOOLONG|ERR_INVALID_ARG|Error|\n\s+at /,
  );
});

function attempt(email: string, password: string, address: string) {
  return fetch(`${server.url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: {
      origin: server.origin,
      "content-type": "application/json",
      "x-forwarded-for": address,
    },
    body: JSON.stringify({ email, password }),
  }).then(async (r) => ({ status: r.status, body: await r.text() }));
}

test("a burst of sign-ins from one address neither keeps out an editor at another nor goes uncounted", async () => {
  const { emails, password } = editors();
  const attacker = "203.0.113.5";
  const burst = Array.from({ length: 12 }, (_, i) =>
    attempt(`nobody-${i}@example.org`, "a-guessed-password", attacker),
  );
  await sleep(50); // the burst has arrived and holds the queue
  const editor = await attempt(emails[4]!, password, "198.51.100.20");
  const answers = await Promise.all(burst);
  const statuses = answers.map((a) => a.status);
  console.log(`burst of 12 from one address: ${statuses.join(" ")}; editor: ${editor.status}`);
  expect(editor.status, editor.body).toBe(200);
  expect(statuses.filter((s) => s === 503).length, "refused as busy").toBeGreaterThan(0);
  // Every attempt of the burst counts toward the address's limit, those refused as busy too.
  expect(
    query<number>("SELECT failures FROM SignInThrottle WHERE key = ?", `address:${attacker}`),
  ).toBe(12);
});

test("the throttle's check and record are one step: 14 attempts 120 ms apart check at most 5 passwords", async () => {
  const { emails } = editors();
  const started: Promise<{ status: number }>[] = [];
  for (let i = 0; i < 14; i++) {
    started.push(attempt(emails[5]!, `wrong-password-${i}`, "192.0.2.44"));
    await sleep(120);
  }
  const statuses = (await Promise.all(started)).map((a) => a.status);
  console.log(`14 attempts 120 ms apart: ${statuses.join(" ")}`);
  // A 401 is a password checked; 429 and 503 are refused before any check.
  expect(
    statuses.every((s) => [401, 429, 503].includes(s)),
    statuses.join(" "),
  ).toBe(true);
  expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
  expect((await attempt(emails[5]!, "wrong-password-x", "192.0.2.44")).status).toBe(429);
});

test("every page rendered per request carries a nonce policy, with or without an Origin", async () => {
  const { emails, password } = editors();
  const cookie = await signIn(server, emails[6]!, password);
  const entry = query<number>("SELECT id FROM Attendance ORDER BY id LIMIT 1");
  const source = query<number>("SELECT id FROM Source ORDER BY id LIMIT 1");
  const leader = query<number>("SELECT id FROM Leader ORDER BY id LIMIT 1");
  const pages = [
    "/changes?before=999999",
    "/sign-in",
    // A search too long to keep under one path segment (lib/validation/query-view.ts).
    `/?q=${"lula ".repeat(40)}`,
    "/?status=bogus",
    // A search too long to keep under one path segment (lib/validation/query-view.ts).
    `/events/${EVENT}?q=${"lula ".repeat(40)}`,
    `/events/${EVENT}?status=bogus`,
  ];
  const signedIn = ["/admin", `/admin/entries/${entry}`, "/", `/events/${EVENT}`];
  const origins = [undefined, server.origin, "https://elsewhere.example"];
  for (const origin of origins) {
    for (const page of [...pages, ...signedIn]) {
      const headers: Record<string, string> = {};
      if (origin) headers.origin = origin;
      if (signedIn.includes(page)) headers.cookie = cookie;
      const response = await fetch(server.url + page, { headers });
      const html = await response.text();
      const label = `${page} (Origin: ${origin ?? "none"})`;
      expect(response.status, label).toBe(200);
      const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "");
      expect(nonce, label).not.toBeNull();
      expect(html, label).toContain(`<script nonce="${nonce![1]}"`);
    }
  }
  // A cached page stays cached, with no nonce, an Origin or not (a reader's search and day
  // too); the index of events and the pages of an entry, a source (its one text's address
  // redirects to it) and a leader show nothing of a session, and stay cached for an editor too.
  const records = [
    "/events",
    "/events?page=1",
    `/attendance/${entry}`,
    `/sources/${source}`,
    `/sources/${source}/versions/1`,
    `/leaders/${leader}`,
  ];
  const lists = [
    "/changes",
    "/changes?event=victory-day-parade-2025",
    "/",
    "/?status=declined&sort=status",
    "/?q=lula",
    "/?asOf=2025-05-01",
    `/events/${EVENT}`,
    `/events/${EVENT}?q=lula`,
    `/events/${EVENT}?asOf=2025-05-01`,
  ];
  for (const page of [...lists, ...records]) {
    await fetch(server.url + page, { redirect: "manual" }).then((r) => r.text());
    for (const origin of origins) {
      const headers: Record<string, string> = origin ? { origin } : {};
      if (records.includes(page)) headers.cookie = cookie;
      const response = await fetch(server.url + page, { headers, redirect: "manual" });
      await response.text();
      const label = `${page} (Origin: ${origin ?? "none"})`;
      expect(response.headers.get("x-nextjs-cache"), label).toBe("HIT");
      expect(response.headers.get("content-security-policy"), label).not.toMatch(/nonce-/);
    }
  }
});

test("prefetches and their 404s carry the configured Cache-Control, never a year", async () => {
  const entry = query<number>("SELECT id FROM Attendance ORDER BY id LIMIT 1");
  const leader = query<number>("SELECT id FROM Leader ORDER BY id LIMIT 1");
  for (const page of [
    "/",
    "/?sort=country",
    `/events/${EVENT}`,
    `/events/${EVENT}?status=confirmed`,
    // An entry's page, and a leader's, which only an edit renews (Next's own Cache-Control
    // would say a year).
    `/attendance/${entry}`,
    `/leaders/${leader}`,
  ]) {
    await fetch(server.url + page).then((r) => r.text());
    for (const segment of ["/_full", "/__PAGE__", "/_tree", "/no-such-segment"]) {
      const response = await fetch(server.url + page, {
        headers: {
          rsc: "1",
          "next-router-prefetch": "1",
          "next-router-segment-prefetch": segment,
        },
      });
      await response.arrayBuffer();
      const label = `${page} ${segment}: ${response.status}`;
      expect(response.headers.get("cache-control"), label).toBe(CONFIGURED);
    }
    const plain = await fetch(server.url + page, { headers: { rsc: "1" } });
    await plain.arrayBuffer();
    expect(plain.headers.get("cache-control"), `${page} RSC`).toBe(CONFIGURED);
  }
  const unknown = await fetch(`${server.url}/events/no-such-event-prefetch`, {
    headers: { rsc: "1", "next-router-prefetch": "1", "next-router-segment-prefetch": "/_full" },
  });
  await unknown.arrayBuffer();
  expect(unknown.headers.get("cache-control") ?? "").not.toMatch(/31536000/);
});

test("the lows: a non-Latin slug, an encoded former slug, headers, share images", async () => {
  const euro = await fetch(`${server.url}/api/events/%E2%82%AC/attendance`);
  expect(euro.status).toBe(404);
  expect((await fetch(`${server.url}/events/%E2%82%AC/attendance.csv`)).status).toBe(404);

  // A former slug, asked for with an encoded hyphen: the rest of the path is kept whole.
  run(
    "INSERT INTO EventSlug (slug, eventId, createdAt) SELECT 'evx-former-2026', id, createdAt FROM Event WHERE slug = ?",
    EVENT,
  );
  for (const [asked, expected] of [
    ["/events/evx%2Dformer-2026/attendance.csv", `/events/${EVENT}/attendance.csv`],
    [
      "/events/evx-former-2026/attendance.csv?format=long",
      `/events/${EVENT}/attendance.csv?format=long`,
    ],
    ["/api/events/evx%2Dformer%2D2026/attendance?q=x", `/api/events/${EVENT}/attendance?q=x`],
  ]) {
    const response = await fetch(server.url + asked!, { redirect: "manual" });
    expect(response.status, asked).toBe(308);
    expect(response.headers.get("location"), asked).toBe(expected);
  }

  for (const page of ["/", `/events/${EVENT}`, "/changes", "/api/health"]) {
    const response = await fetch(server.url + page);
    await response.arrayBuffer();
    expect(response.headers.get("permissions-policy"), page).toMatch(/camera=\(\)/);
    expect(response.headers.get("cross-origin-opener-policy"), page).toBe("same-origin");
  }

  // A share image is drawn once for what it shows, not on every request.
  for (const image of [`/events/${EVENT}/opengraph-image`, "/opengraph-image"]) {
    const first = await fetch(server.url + image);
    expect(first.status, image).toBe(200);
    expect(first.headers.get("content-type"), image).toBe("image/png");
    expect(first.headers.get("cache-control"), image).toBe(CONFIGURED);
    const bytes = Buffer.from(await first.arrayBuffer());
    const cpuBefore = server.cpuMs();
    for (let i = 0; i < 20; i++) {
      const again = await fetch(server.url + image);
      expect(Buffer.from(await again.arrayBuffer()).equals(bytes), image).toBe(true);
    }
    const cpu = server.cpuMs() - cpuBefore;
    console.log(`${image}: 20 more requests took ${Math.round(cpu)} ms of the server's CPU`);
    // Drawing the image again for each request costs far more than finding the one drawn.
    expect(cpu, `${image}: CPU for 20 requests (ms)`).toBeLessThan(600);
  }
});

test("a deleted source's text is not public on /changes; editors still read it", async () => {
  const secret = "A passage that was taken down " + Date.now();
  run(
    `INSERT INTO Revision (entityType, entityId, action, before, after, actorName, summary, createdAt)
     SELECT 'source', 987654, 'update', ?, ?, 'Anna Editor', '', createdAt FROM Revision LIMIT 1`,
    JSON.stringify({ title: "Taken down", text: "older text" }),
    JSON.stringify({ title: "Taken down", text: secret }),
  );
  run(
    `INSERT INTO Revision (entityType, entityId, action, before, after, actorName, summary, createdAt)
     SELECT 'source', 987654, 'delete', ?, NULL, 'Anna Editor', '', createdAt FROM Revision LIMIT 1`,
    JSON.stringify({ title: "Taken down", text: secret }),
  );
  // Written here outside the data layer, so no edit revalidated the cached /changes: a page of
  // it rendered per request shows them (`before` is past every revision).
  const publicPage = await (await fetch(`${server.url}/changes?before=2147483647`)).text();
  expect(publicPage).not.toContain(secret);
  expect(publicPage).not.toContain("Taken down");
  expect(publicPage).toContain("A deleted source");
  const { emails, password } = editors();
  const cookie = await signIn(server, emails[7]!, password);
  const editorPage = await (await fetch(`${server.url}/changes`, { headers: { cookie } })).text();
  expect(editorPage).toContain(secret);
});

test("a new SQLite database and its -wal and -shm are readable by their owner only", async () => {
  const file = path.join(RELIABILITY_DIR, "floods-new.db");
  removeDatabase(file);
  const deploy = spawnSync("node", ["scripts/migrate.mjs", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    encoding: "utf8",
  });
  expect(deploy.status, deploy.stderr).toBe(0);
  const db = openDatabase(file);
  try {
    db.pragma("journal_mode = WAL");
    db.prepare("SELECT count(*) FROM Event").get();
    for (const suffix of ["", "-wal", "-shm"]) {
      expect(fs.existsSync(file + suffix), suffix).toBe(true);
      expect((fs.statSync(file + suffix).mode & 0o777).toString(8), `database${suffix}`).toBe(
        "600",
      );
    }
  } finally {
    db.close();
    removeDatabase(file);
  }
});
