import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { usePropertySeed } from "../property-seed";
import { mintSessions, openDatabase } from "./db";
import { callAction } from "./http";
import { editors } from "./paths";
import { SERVER_ACTIONS } from "./registry";
import { AppServer } from "./server";
import { loopbackIp } from "../../scripts/loopback.mjs";

/**
 * Sign-in: where it returns to (an open redirect), whose address the throttle counts (a client's
 * X-Forwarded-For was believed), that failures from elsewhere slow an account down without locking
 * its editor out, that the throttle's rows are pruned, and what the form says when the site was
 * opened at another address than its own.
 */
usePropertySeed();

let server: AppServer;

test.beforeAll(async () => {
  server = await AppServer.start("sign-in");
});
test.afterAll(async () => {
  await server?.stop();
});

const signInDoor = SERVER_ACTIONS.find((a) => a.exportName === "signInAction")!;

function attempt(
  target: AppServer,
  email: string,
  password: string,
  headers: Record<string, string> = {},
) {
  return fetch(`${target.url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { origin: target.origin, "content-type": "application/json", ...headers },
    body: JSON.stringify({ email, password }),
  }).then(async (r) => ({ status: r.status, body: await r.text() }));
}

function throttleRows(target: AppServer, like: string) {
  const db = openDatabase(target.dbFile, { readonly: true });
  try {
    return db.prepare("SELECT count(*) FROM SignInThrottle WHERE key LIKE ?").pluck().get(like);
  } finally {
    db.close();
  }
}

/** Where a browser on this site goes with a Location header. */
const lands = (target: AppServer, location: string | null | undefined) =>
  new URL(location ?? "", `${target.url}/sign-in`).host;

const OPEN_REDIRECTS = [
  "/..//evil.example/phish",
  "/.%2e//evil.example",
  "/%2e%2e//evil.example/phish",
  "/a/../..//evil.example",
  "//evil.example",
  "/\\evil.example",
];

test("a signed-in editor sent to /sign-in?next=… stays on this site, for known open redirects and generated ones", async () => {
  const { emails } = editors();
  const cookie = mintSessions(server.dbFile, emails[0]!, 1, server.secret)[0]!;
  const follow = async (next: string) => {
    const response = await fetch(`${server.url}/sign-in?next=${encodeURIComponent(next)}`, {
      headers: { cookie },
      redirect: "manual",
    });
    await response.arrayBuffer();
    return response;
  };
  for (const next of OPEN_REDIRECTS) {
    const response = await follow(next);
    expect(response.status, next).toBe(307);
    expect(lands(server, response.headers.get("location")), next).toBe(new URL(server.url).host);
  }
  const piece = fc.oneof(
    fc.constantFrom("/", "//", "\\", ".", "..", "%2e", "%2E.", "%2f", "%5c", "\t", "?", "#"),
    fc.constantFrom("evil.example", "@evil.example", "admin", "é"),
  );
  await fc.assert(
    fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 6 }), async (pieces) => {
      const next = `/${pieces.join("")}`;
      const response = await follow(next);
      expect(response.status, next).toBeLessThan(500);
      if (response.status >= 300 && response.status < 400) {
        const location = response.headers.get("location");
        expect(lands(server, location), `${next} → ${location}`).toBe(new URL(server.url).host);
      }
    }),
    { numRuns: 150 },
  );
});

test("the sign-in form's return path cannot leave the site either", async () => {
  const { emails, password } = editors();
  for (const next of OPEN_REDIRECTS.slice(0, 3)) {
    const response = await callAction(server, signInDoor, {
      page: "/sign-in",
      fields: { email: emails[1]!, password, next },
      origin: server.origin,
    });
    expect(response.redirect, `${next}: ${JSON.stringify(response.state)}`).toBeTruthy();
    expect(lands(server, response.redirect), next).toBe(new URL(server.url).host);
  }
});

test("without TRUSTED_PROXIES, X-Forwarded-For is not believed: rotating it does not reset the count", async () => {
  const { emails, password } = editors();
  const statuses: number[] = [];
  for (let i = 1; i <= 6; i++) {
    const forwarded = i % 2 ? `203.0.113.${i}` : `1.1.1.${i}, 2.2.2.${i}`;
    statuses.push(
      (await attempt(server, emails[2]!, `wrong-password-${i}`, { "x-forwarded-for": forwarded }))
        .status,
    );
  }
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  // Counted under the socket's address, not under a shared "unknown" one.
  expect(throttleRows(server, `address:${await loopbackIp()}`)).toBe(1);
  expect(throttleRows(server, "%unknown%")).toBe(0);
  // The right password from the same place is refused too, within the minute.
  expect((await attempt(server, emails[2]!, password)).status).toBe(429);
});

test("expired throttle rows are deleted", async () => {
  const { emails } = editors();
  const db = openDatabase(server.dbFile);
  const insert = db.prepare(
    "INSERT INTO SignInThrottle (key, failures, windowStartedAt) VALUES (?, 3, ?)",
  );
  // As Prisma writes a DateTime on SQLite.
  const longAgo = new Date(Date.now() - 60 * 60_000).toISOString().replace("Z", "+00:00");
  for (let i = 0; i < 200; i++) insert.run(`pair:probe-${i}@example.org|203.0.113.${i}`, longAgo);
  for (let i = 0; i < 20; i++) insert.run(`address:198.51.100.${i}`, longAgo);
  for (let i = 0; i < 20; i++) insert.run(`account:probe-${i}@example.org`, longAgo);
  db.close();
  expect(throttleRows(server, "%probe%")).toBe(220);
  expect((await attempt(server, emails[3]!, "wrong-password")).status).toBe(401);
  expect(throttleRows(server, "%probe%")).toBe(0);
  expect(throttleRows(server, "address:198.51.100.%")).toBe(0);
  // The fresh failure is kept.
  expect(throttleRows(server, `account:${emails[3]}`)).toBe(1);
});

test("behind a trusted proxy: the proxy's entry counts, and failures from elsewhere slow an account without locking its editor out", async () => {
  const { emails, password } = editors();
  const email = emails[4]!;
  const proxied = await AppServer.start("sign-in-proxied", { env: { TRUSTED_PROXIES: "1" } });
  try {
    // What the client wrote before the proxy's entry changes nothing.
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++) {
      const forwarded = `6.6.6.${i}, 203.0.113.77`;
      statuses.push(
        (await attempt(proxied, email, `wrong-${i}-password`, { "x-forwarded-for": forwarded }))
          .status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(throttleRows(proxied, `pair:${email}|203.0.113.77`)).toBe(1);

    // Many more failures on the account from elsewhere (written as the throttle counts them).
    const db = openDatabase(proxied.dbFile);
    db.prepare("UPDATE SignInThrottle SET failures = 60 WHERE key = ?").run(`account:${email}`);
    db.close();
    const started = performance.now();
    const editor = await attempt(proxied, email, password, { "x-forwarded-for": "198.51.100.7" });
    const ms = performance.now() - started;
    expect(editor.status, editor.body).toBe(200);
    expect(ms, "the attempt was slowed down").toBeGreaterThan(1_000);
    console.log(
      `sign-in: the editor's sign-in after 66 failures elsewhere took ${Math.round(ms)} ms`,
    );
    // The guessing address stays refused.
    expect(
      (await attempt(proxied, email, password, { "x-forwarded-for": "203.0.113.77" })).status,
    ).toBe(429);
  } finally {
    await proxied.stop();
  }
});

test("opened at another address than BETTER_AUTH_URL, the form says so and the server logs it once", async () => {
  const { emails, password } = editors();
  const elsewhere = await AppServer.start("sign-in-elsewhere", {
    dbFile: server.dbFile,
    env: { BETTER_AUTH_URL: "http://localhost:1" },
  });
  try {
    const page = await fetch(`${elsewhere.url}/sign-in`).then((r) => r.text());
    expect(page).toMatch(/Sign-in works only at this site(&#x27;|')s address,/);
    expect(page).toContain('href="http://localhost:1/sign-in"');
    expect(page).toContain("BETTER_AUTH_URL");
    for (let i = 0; i < 2; i++) {
      const response = await callAction(elsewhere, signInDoor, {
        page: "/sign-in",
        fields: { email: emails[5]!, password, next: "/admin" },
        origin: elsewhere.origin,
      });
      expect(response.redirect).toBeUndefined();
      expect(response.state).toMatchObject({
        message: expect.stringContaining("Sign-in works only at this site's address"),
      });
    }
    const log = elsewhere.logTail(200);
    expect(
      log.match(/but the site's address \(BETTER_AUTH_URL\) is http:\/\/localhost:1/g),
    ).toHaveLength(1);
  } finally {
    await elsewhere.stop();
  }
});
