import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { SERVER_ACTIONS } from "./registry";
import { createSample, databaseHash, openDatabase } from "./db";
import { callAction, sessionCookie, signIn } from "./http";
import { ROOT, editors } from "./paths";
import { AppServer } from "./server";

/**
 * Sessions and passwords: the session cookie's flags (Secure behind https), the stored hashing
 * parameters, throttling that outlives a restart, and a signed-out session that cannot be used
 * again. (Sign-up is one of the doors in doors.spec.ts; the throttle's limits are in
 * tests/e2e/editors.spec.ts; the scrypt parameters in tests/unit.)
 */
let server: AppServer;

test.beforeAll(async () => {
  server = await AppServer.start("sessions");
});
test.afterAll(async () => {
  await server?.stop();
});

const door = (name: string) => SERVER_ACTIONS.find((a) => a.exportName === name)!;
const attributes = (setCookie: string) =>
  setCookie
    .split(";")
    .slice(1)
    .map((a) => a.trim().toLowerCase());

/** Signs in through the sign-in form's action; returns the session's Set-Cookie header. */
async function signInWithForm(target: AppServer, headers: Record<string, string> = {}) {
  const { emails, password } = editors();
  const response = await callAction(target, door("signInAction"), {
    page: "/sign-in",
    fields: { email: emails[2]!, password, next: "/admin" },
    origin: target.origin,
    headers,
  });
  expect(response.redirect, JSON.stringify(response.state)).toBe("/admin");
  return response.cookies.find((c) => /session_token=[^;]/.test(c));
}

test("the session cookie is HttpOnly and SameSite=Lax, and Secure when the site is https", async () => {
  const plain = await signInWithForm(server);
  expect(plain, "a session cookie").toBeTruthy();
  expect(attributes(plain!)).toEqual(
    expect.arrayContaining(["httponly", "samesite=lax", "path=/"]),
  );
  expect(attributes(plain!)).not.toContain("secure");

  // The same build behind an https proxy: BETTER_AUTH_URL says https, the proxy says so too.
  const https = await AppServer.start("sessions-https", {
    dbFile: server.dbFile,
    env: { BETTER_AUTH_URL: "https://rollcall.example" },
  });
  try {
    const secure = await signInWithForm(https, {
      origin: "https://rollcall.example",
      "x-forwarded-host": "rollcall.example",
      "x-forwarded-proto": "https",
    });
    expect(secure, "a session cookie").toBeTruthy();
    expect(secure!.startsWith("__Secure-better-auth.session_token=")).toBe(true);
    expect(attributes(secure!)).toEqual(
      expect.arrayContaining(["secure", "httponly", "samesite=lax", "path=/"]),
    );
    console.log(`sessions: cookie over http: ${plain!.replace(/=[^;]+/, "=…")}`);
    console.log(`sessions: cookie behind https: ${secure!.replace(/=[^;]+/, "=…")}`);
  } finally {
    await https.stop();
  }
});

test("passwords are stored as scrypt with N=2^17, r=8, p=1 and a salt of their own", () => {
  // The suite's own accounts are hashed at a test's cost (tests/factories): these two are made
  // as an administrator makes one, with `npm run editor:create`, on the server's database.
  for (const n of [1, 2]) {
    execFileSync(
      path.join(ROOT, "node_modules", ".bin", "tsx"),
      ["scripts/editor-create.ts", "--email", `hashed-${n}@example.org`, "--name", `Hashed ${n}`],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: `file:${server.dbFile}` }, stdio: "pipe" },
    );
  }
  const db = openDatabase(server.dbFile, { readonly: true });
  const rows = db
    .prepare('SELECT u.email, a.password FROM account a JOIN "user" u ON u.id = a.userId')
    .all() as { email: string; password: string }[];
  db.close();
  const made = rows.filter((r) => r.email.startsWith("hashed-"));
  expect(made).toHaveLength(2);
  for (const { password } of made) {
    expect(password).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]{24}\$/);
  }
  const salts = new Set(rows.map((r) => r.password.split("$")[4]));
  expect(salts.size, "salts").toBe(rows.length);
});

test("throttling after repeated failures survives a server restart", async () => {
  const { emails, password } = editors();
  const email = emails[3]!;
  const attempt = (pw: string) =>
    fetch(`${server.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { origin: server.origin, "content-type": "application/json" },
      body: JSON.stringify({ email, password: pw }),
    });
  for (let i = 1; i <= 5; i++) expect((await attempt(`wrong-password-${i}`)).status).toBe(401);
  await server.restart();
  const blocked = await attempt(password);
  expect(blocked.status, "the right password, within the minute").toBe(429);
  expect(await blocked.text()).toMatch(/Too many failed sign-ins\. Wait \d+ seconds/);
});

test("a signed-out session cannot be used again, on a page or on an action, even after a restart", async () => {
  const { emails, password } = editors();
  const s = await createSample(server.dbFile);
  const leaderPage = `/admin/leaders/${s.leaderId}`;
  const rename = (cookie: string) =>
    callAction(server, door("updateLeaderAction"), {
      page: leaderPage,
      bound: [s.leaderId],
      fields: {
        name: "Renamed",
        office: "King",
        polity: "Syldavia",
        countryCode: "",
        version: "1",
      },
      cookie,
      origin: server.origin,
    });

  // Through the Sign out button's action, and through Better Auth's endpoint.
  const viaForm = await signIn(server, emails[4]!, password);
  const signOut = await callAction(server, door("signOutAction"), {
    page: "/admin",
    fields: {},
    cookie: viaForm,
    origin: server.origin,
  });
  expect(signOut.redirect).toBe("/sign-in?signedOut=1");
  const viaApi = await signIn(server, emails[5]!, password);
  const apiSignOut = await fetch(`${server.url}/api/auth/sign-out`, {
    method: "POST",
    headers: { cookie: viaApi, origin: server.origin, "content-type": "application/json" },
    body: "{}",
  });
  expect(apiSignOut.status).toBe(200);
  expect(sessionCookie(apiSignOut), "the cookie is cleared too").toBeUndefined();

  for (const restarted of [false, true]) {
    if (restarted) await server.restart();
    for (const cookie of [viaForm, viaApi]) {
      const page = await fetch(`${server.url}${leaderPage}`, {
        headers: { cookie },
        redirect: "manual",
      });
      expect(page.status).toBe(307);
      expect(page.headers.get("location")).toContain("/sign-in?next=");
      const before = databaseHash(server.dbFile);
      const action = await rename(cookie);
      expect(action.state).toMatchObject({
        message: "Your session has ended. Sign in again; nothing was saved.",
      });
      expect(databaseHash(server.dbFile)).toBe(before);
    }
  }
  // A live session does get through: the refusals above are about the session.
  expect((await rename(await signIn(server, emails[6]!, password))).redirect).toBeTruthy();
});
