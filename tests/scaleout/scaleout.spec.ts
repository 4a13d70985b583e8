import { randomBytes } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { createPrismaClient } from "../../lib/database";
import { LOOPBACK_HOST } from "../../scripts/loopback.mjs";
import { SAMPLE_CONFIG } from "../../scripts/nginx";
import { SERVER_ACTIONS } from "../reliability/registry";
import { SAMPLE_TEXT } from "../reliability/db";
import { callAction, sessionCookie } from "../reliability/http";
import { Cluster, SHARED_CACHE_SECONDS } from "./cluster";
import { state } from "./paths";

/**
 * Several instances (docs/operations.md, "Several instances behind nginx"): two servers of one
 * build on one PostgreSQL database and one Redis page cache, behind nginx (deploy/nginx.conf). What
 * a reader or an editor would notice if the servers did not share what they should: an edit seen on
 * one server only, a session that works on one, a throttle that counts per server, saves lost when
 * a server dies.
 */
let cluster: Cluster;
const db = () => createPrismaClient(state().databaseUrl);

test.beforeAll(async () => {
  cluster = await Cluster.start();
});
test.afterAll(async () => {
  await cluster?.stop();
});

const door = (name: string) => SERVER_ACTIONS.find((a) => a.exportName === name)!;

type Target = { url: string; origin: string };

/** Signs in through Better Auth's endpoint on `target`, from the public origin. */
async function signInThrough(
  target: Target,
  email: string,
  password: string,
  headers: Record<string, string> = {},
) {
  return fetch(`${target.url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { origin: cluster.nginx.origin, "content-type": "application/json", ...headers },
    body: JSON.stringify({ email, password }),
  });
}

async function sessionOn(target: Target, email: string) {
  const response = await signInThrough(target, email, state().editors.password);
  const cookie = sessionCookie(response);
  expect(response.status, await response.clone().text()).toBe(200);
  expect(cookie).toBeTruthy();
  return cookie!;
}

/** A leader on the featured event's list, as the database has it now. */
async function featuredLeader() {
  const client = db();
  try {
    const event = await client.event.findFirstOrThrow({ orderBy: { date: "desc" } });
    const leader = await client.leader.findFirstOrThrow({
      where: { attendances: { some: { eventId: event.id } } },
      orderBy: { id: "asc" },
    });
    return { slug: event.slug, leader };
  } finally {
    await client.$disconnect();
  }
}

/** Renames a leader through `target` (a server, or nginx). */
async function rename(
  target: Target,
  cookie: string,
  leader: { id: number; office: string; polity: string; countryCode: string | null },
  name: string,
) {
  const client = db();
  const { version } = await client.leader.findUniqueOrThrow({ where: { id: leader.id } });
  await client.$disconnect();
  return callAction(target, door("updateLeaderAction"), {
    page: `/admin/leaders/${leader.id}`,
    bound: [leader.id],
    fields: {
      name,
      office: leader.office,
      polity: leader.polity,
      countryCode: leader.countryCode ?? "",
      version: String(version),
    },
    cookie,
    origin: target.origin,
  });
}

const page = (target: Target, path: string, headers: Record<string, string> = {}) =>
  fetch(`${target.url}${path}`, { headers }).then(async (r) => ({
    status: r.status,
    cache: r.headers.get("x-nextjs-cache"),
    cacheControl: r.headers.get("cache-control"),
    text: await r.text(),
  }));

test("an edit saved through one server shows at once on the other, which served the page from the cache", async () => {
  const { a, b, nginx } = cluster;
  const { slug, leader } = await featuredLeader();
  const path = `/events/${slug}`;
  // The list, a view of it by sort, and the API's first page: each cached in Redis.
  const views = [`${path}?sort=country`, `/api/events/${slug}/attendance`];
  await page(b, path); // stored in Redis, by whichever server renders first
  const before = await page(b, path);
  expect(before.status).toBe(200);
  expect(before.cache, "B serves the list from the shared cache").toBe("HIT");
  expect((await page(a, path)).cache, "A finds the page B stored").toBe("HIT");
  expect(before.text.includes(leader.name), `the list shows ${leader.name}`).toBe(true);
  for (const view of views) {
    await page(b, view);
    const cached = await page(a, view);
    expect(cached.cache, `A finds ${view} as B stored it`).toBe("HIT");
    expect(cached.text.includes(leader.name), view).toBe(true);
  }

  const name = `Scaleout Renamed ${randomBytes(3).toString("hex")}`;
  const saved = await rename(a, await sessionOn(a, state().editors.emails[0]!), leader, name);
  expect(saved.redirect, JSON.stringify(saved.state)).toMatch(/\?saved=1$/);

  const after = await page(b, path);
  expect(after.status).toBe(200);
  expect(after.text.includes(name), "B shows the edit saved through A").toBe(true);
  for (const view of views) {
    expect((await page(b, view)).text.includes(name), `B shows the edit in ${view}`).toBe(true);
  }
  // Rendered just after the edit, so not kept; a shared cache in front may not keep it long
  // either (Next's own header for such a page says a year).
  expect(after.cacheControl).toBe(before.cacheControl);
  expect(before.cacheControl).toContain(`s-maxage=${SHARED_CACHE_SECONDS},`);
  for (let i = 0; i < 4; i++) {
    const through = await page(nginx, path);
    expect(through.text.includes(name), "through nginx, either server").toBe(true);
  }
});

test("an editor who signed in through one server keeps working through the other; signing out there ends it on both", async () => {
  const { a, b } = cluster;
  const email = state().editors.emails[1]!;
  const cookie = await sessionOn(a, email);

  const admin = await fetch(`${b.url}/admin`, { headers: { cookie }, redirect: "manual" });
  expect(admin.status, "B knows the session A started").toBe(200);
  expect((await admin.text()).includes("Scale-out 1"), "the admin page names the editor").toBe(
    true,
  );

  const { leader } = await featuredLeader();
  const name = `Scaleout Via B ${randomBytes(3).toString("hex")}`;
  // A's admin list keeps its rows while the data stays as it was: read the search once first.
  const searchOnA = async () =>
    (await fetch(`${a.url}/admin?q=${encodeURIComponent(name)}`, { headers: { cookie } })).text();
  expect(await searchOnA()).toContain("No entries match these filters.");
  const saved = await rename(b, cookie, leader, name);
  expect(saved.redirect, JSON.stringify(saved.state)).toMatch(/\?saved=1$/);
  const found = await searchOnA();
  expect(found, "A's admin list shows the rename saved through B").toContain(
    `<strong>${name}</strong>`,
  );
  expect(found).not.toContain("No entries match these filters.");

  const out = await callAction(b, door("signOutAction"), {
    page: "/admin",
    fields: {},
    cookie,
    origin: b.origin,
  });
  expect(out.status).toBeLessThan(400);
  const onA = await fetch(`${a.url}/admin`, { headers: { cookie }, redirect: "manual" });
  expect(onA.status, "A no longer accepts the session signed out on B").toBe(307);
  expect(onA.headers.get("location")).toMatch(/\/sign-in/);
});

test("the sign-in throttle counts failures made through both servers", async () => {
  const { a, b, nginx } = cluster;
  const email = state().editors.emails[2]!;
  // Five wrong passwords in a minute, spread over both servers: each has seen fewer than five.
  for (const [i, target] of [a, b, a, b, a].entries()) {
    const response = await signInThrough(target, email, `wrong-password-${i}`);
    expect(response.status, `failure ${i + 1}`).toBe(401);
  }
  for (const target of [b, a, nginx]) {
    const blocked = await signInThrough(target, email, state().editors.password);
    expect(blocked.status, `the right password through ${target.url}, within the minute`).toBe(429);
    expect(await blocked.text()).toMatch(/Too many failed sign-ins\. Wait \d+ seconds/);
  }
});

/**
 * A sign-in through nginx from a client at `localAddress` (another loopback address than
 * nginx's 127.0.0.1, as a reader on another machine would be): the HTTP status.
 */
function signInFrom(
  localAddress: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<number> {
  const body = JSON.stringify({ email, password });
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port: cluster.nginx.port,
        localAddress,
        method: "POST",
        path: "/api/auth/sign-in/email",
        headers: {
          origin: cluster.nginx.origin,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          ...headers,
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

test("through nginx the throttle counts the address nginx saw, never an X-Forwarded-For the client wrote", async () => {
  const email = state().editors.emails[3]!;
  // A client on 127.0.0.2 that writes its own X-Forwarded-For, a new address each time:
  // nginx appends the address it saw, and the servers believe only that entry, because
  // TRUSTED_PROXIES names nginx.
  for (let i = 0; i < 5; i++) {
    const status = await signInFrom("127.0.0.2", email, `wrong-password-${i}`, {
      "x-forwarded-for": `203.0.113.${i + 1}`,
    });
    expect(status, `failure ${i + 1}`).toBe(401);
  }
  const password = state().editors.password;
  expect(
    await signInFrom("127.0.0.2", email, password, { "x-forwarded-for": "198.51.100.7" }),
    "the same client, within the minute, whatever it writes",
  ).toBe(429);
  // Another reader is not counted as nginx's address: its sign-in to the same account works.
  expect(await signInFrom("127.0.0.3", email, password), "a client on 127.0.0.3").toBe(200);
});

/**
 * A request through nginx as a reader (no cookie) or an editor, marked with a User-Agent of its
 * own so its line in nginx's access log can be found: what nginx's cache did, and which
 * instance answered ("-" for none).
 */
async function throughNginx(path: string, cookie?: string) {
  const mark = `scaleout-${randomBytes(6).toString("hex")}`;
  const response = await fetch(`${cluster.nginx.url}${path}`, {
    headers: { "user-agent": mark, ...(cookie ? { cookie } : {}) },
  });
  const text = await response.text();
  // nginx writes the line once the response is sent, which may be after the client has read it.
  let line: string | undefined;
  await expect
    .poll(
      () =>
        (line = cluster
          .nginxAccessLog()
          .split("\n")
          .find((l) => l.includes(`"${mark}"`))),
      { message: `nginx logged the request for ${path}`, timeout: 5_000 },
    )
    .toBeTruthy();
  return {
    status: response.status,
    cacheStatus: response.headers.get("x-cache-status"),
    text,
    logged: {
      cache: /\bcache=(\S+)/.exec(line!)?.[1],
      upstream: /\bupstream=(\S+)/.exec(line!)?.[1],
    },
  };
}

test("through nginx a reader's second request for the event page is answered from nginx's cache, reaching no server", async () => {
  const { slug, leader } = await featuredLeader();
  // A view of the list no other test asks for through nginx, so the first request is a MISS.
  const path = `/events/${slug}?sort=status`;
  const first = await throughNginx(path);
  expect(first.status).toBe(200);
  expect(first.cacheStatus).toBe("MISS");
  expect(first.logged.upstream, "the first request went to an instance").toMatch(
    /^127\.0\.0\.1:\d+$/,
  );
  const second = await throughNginx(path);
  expect(second.status).toBe(200);
  expect(second.cacheStatus).toBe("HIT");
  expect(second.logged, "nginx answered alone").toEqual({ cache: "HIT", upstream: "-" });
  expect(second.text).toBe(first.text);
  expect(second.text.includes(leader.name), `the list shows ${leader.name}`).toBe(true);
});

test("through nginx a signed-in editor's pages are never served from nginx's cache nor kept in it", async () => {
  const { slug } = await featuredLeader();
  const cookie = await sessionOn(cluster.nginx, state().editors.emails[0]!);
  // A reader's copy is in the cache; the editor still gets a page of their own from a server.
  const path = `/events/${slug}?sort=name`;
  await throughNginx(path);
  expect((await throughNginx(path)).cacheStatus).toBe("HIT");
  const editors = await throughNginx(path, cookie);
  expect(editors.status).toBe(200);
  expect(editors.cacheStatus).toBe("BYPASS");
  expect(editors.logged.upstream, "an instance answered the editor").toMatch(/^127\.0\.0\.1:\d+$/);
  expect(editors.text, "the editor's page offers what only editors get").toContain("Add a leader");
  const reader = await throughNginx(path);
  expect(reader.cacheStatus).toBe("HIT");
  expect(reader.text, "a reader never gets the editor's page").not.toContain("Add a leader");

  // A page an editor asks for first is not kept for the readers after them.
  const fresh = `/events/${slug}?status=confirmed`;
  expect((await throughNginx(fresh, cookie)).cacheStatus).toBe("BYPASS");
  const readerAfter = await throughNginx(fresh);
  expect(readerAfter.cacheStatus, "the editor's response was not stored").toBe("MISS");
  expect(readerAfter.text).not.toContain("Add a leader");
  // The admin pages, which set no s-maxage, are never kept, even for the same editor.
  const admin = await throughNginx("/admin", cookie);
  expect(admin.status).toBe(200);
  expect(admin.cacheStatus).toBe("BYPASS");
});

test("an edit shows through nginx's cache once the kept page is older than its s-maxage", async () => {
  const { slug, leader } = await featuredLeader();
  const path = `/events/${slug}?sort=country`;
  await throughNginx(path);
  const kept = await throughNginx(path);
  expect(kept.cacheStatus).toBe("HIT");
  expect(kept.text.includes(leader.name)).toBe(true);

  const name = `Scaleout Through Nginx ${randomBytes(3).toString("hex")}`;
  const cookie = await sessionOn(cluster.nginx, state().editors.emails[0]!);
  const saved = await rename(cluster.nginx, cookie, leader, name);
  expect(saved.redirect, JSON.stringify(saved.state)).toMatch(/\?saved=1$/);
  // The servers show it at once; nginx serves its copy until s-maxage has passed, then the new
  // page (the first reader after that may still get the old one while nginx fetches it).
  expect((await page(cluster.a, path)).text.includes(name), "the server shows the edit").toBe(true);
  await expect
    .poll(async () => (await throughNginx(path)).text.includes(name), {
      message: `the rename shows through nginx within s-maxage (${SHARED_CACHE_SECONDS} s)`,
      timeout: (SHARED_CACHE_SECONDS + 5) * 1000,
      intervals: [250],
    })
    .toBe(true);
  const after = await throughNginx(path);
  expect(after.text.includes(name)).toBe(true);
  expect(after.cacheStatus, "and nginx keeps the new page").toBe("HIT");
});

test("nginx lets go of an idle connection to a server before the server closes it, so no save is sent down a closing one", async () => {
  // A save nginx sends down a connection the server is closing is reset, and nginx answers 502
  // (it does not send a save twice): nginx must be the first to give up an idle connection.
  const socket = net.connect(cluster.b.port, LOOPBACK_HOST);
  await once(socket, "connect");
  socket.write("GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n");
  await once(socket, "data");
  const answered = performance.now();
  socket.resume();
  await once(socket, "end");
  const serverKeeps = performance.now() - answered;
  socket.destroy();
  const upstream = /upstream rollcall \{([^}]*)\}/.exec(
    fs.readFileSync(SAMPLE_CONFIG, "utf8"),
  )![1]!;
  const seconds = /^\s*keepalive_timeout (\d+)s;/m.exec(upstream)?.[1];
  const nginxKeeps = (seconds ? Number(seconds) : 60) * 1000; // nginx's default is 60 s
  expect(
    nginxKeeps,
    `nginx keeps an idle connection ${nginxKeeps} ms, the server ${Math.round(serverKeeps)} ms`,
  ).toBeLessThan(serverKeeps - 500);
});

test("kill -9 of one server during saves through nginx: no acknowledged save is lost, nginx keeps serving from the other", async () => {
  const { a, nginx } = cluster;
  const cookie = await sessionOn(nginx, state().editors.emails[0]!);
  const acknowledged: string[] = [];
  const afterKill: { ok: number; failed: string[] } = { ok: 0, failed: [] };
  let killedAt = 0;
  let stop = false;
  let unanswered = 0;

  const save = (title: string) =>
    callAction(nginx, door("createSourceAction"), {
      page: "/admin/sources/new",
      fields: {
        title,
        publisher: "Example Wire",
        url: `https://example.org/scaleout/${encodeURIComponent(title)}`,
        publishedOn: "",
        dateNote: "",
        // A source is stored once: each save has a text of its own.
        text: `${SAMPLE_TEXT} (${title})`,
      },
      cookie,
      origin: nginx.origin,
    });
  const refusedBeforeKill: string[] = [];
  const writer = async (w: number) => {
    for (let n = 0; !stop; n++) {
      const title = `Scaleout ${w}.${n}`;
      const started = performance.now();
      const response = await save(title).catch((error: Error) => ({
        status: 0,
        redirect: undefined,
        body: error.message,
      }));
      const ok = /^\/admin\/sources\/\d+/.test(response.redirect ?? "");
      if (ok) acknowledged.push(title);
      else unanswered++; // in flight on the server that died: not acknowledged
      if (!ok && !killedAt)
        refusedBeforeKill.push(`${response.status} ${response.body.slice(0, 300)}`);
      if (killedAt && started > killedAt) {
        if (ok) afterKill.ok++;
        else afterKill.failed.push(`${response.status} ${response.body.slice(0, 200)}`);
      }
    }
  };
  const writers = Array.from({ length: 4 }, (_, w) => writer(w));
  while (acknowledged.length < 12) {
    if (refusedBeforeKill.length > 0) {
      stop = true;
      await Promise.all(writers);
      expect(refusedBeforeKill, "saves refused while both servers were up").toEqual([]);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await a.kill();
  killedAt = performance.now();
  while (afterKill.ok + afterKill.failed.length < 20)
    await new Promise((resolve) => setTimeout(resolve, 10));
  stop = true;
  await Promise.all(writers);

  expect(afterKill.failed, "saves begun after the kill all succeed, on the other server").toEqual(
    [],
  );
  for (let i = 0; i < 10; i++) {
    expect((await page(nginx, "/")).status, "nginx serves the public list").toBe(200);
  }
  const client = db();
  const stored = new Set(
    (
      await client.source.findMany({
        where: { title: { startsWith: "Scaleout " } },
        select: { title: true },
      })
    ).map((s) => s.title),
  );
  await client.$disconnect();
  const lost = acknowledged.filter((title) => !stored.has(title));
  console.log(
    `kill -9: ${acknowledged.length} saves acknowledged, ${unanswered} unanswered, ${afterKill.ok} after the kill`,
  );
  expect(lost, "acknowledged saves missing from the database").toEqual([]);
});
