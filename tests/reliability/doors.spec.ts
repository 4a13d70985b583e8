import { expect, test } from "@playwright/test";
import {
  MUTATING_ROUTES,
  SERVER_ACTIONS,
  type DoorSample,
  type RouteDoor,
  type ServerActionDoor,
} from "./registry";
import { createAccountSample, createSample, databaseHash, mintSessions } from "./db";
import { buildActions, callAction, sessionCookie, type ActionResponse } from "./http";
import { editors } from "./paths";
import { AppServer } from "./server";
import type { Role } from "../../lib/auth/roles";

/**
 * Every door is locked: each server action and mutating route of the registry, tried without a
 * session, with a forged Origin and with `Origin: null`. The database's contents are hashed before
 * and after (see databaseHash); then the same request with a session and this site's Origin must
 * work, which shows the refused ones were well-formed.
 */
const FORGED = "https://evil.example";
const SIGNED_OUT = "Your session has ended. Sign in again; nothing was saved.";

let server: AppServer;
const figures: string[] = [];

test.beforeAll(async () => {
  server = await AppServer.start("doors");
});
test.afterAll(async () => {
  await server?.stop();
  console.log(`doors: ${figures.length} doors\n  ${figures.join("\n  ")}`);
});

/**
 * Done: it sent the browser on, or answered its form with what is shown once (an invitation's
 * link, a two-factor secret and backup codes).
 */
const succeeded = (r: ActionResponse) => {
  const state = r.state as { ok?: boolean; setup?: unknown } | undefined;
  return Boolean(r.redirect) || state?.ok === true || Boolean(state?.setup);
};

/** A fresh sample, tried with an admin's account, or with one of `role`'s. */
async function sample(role: Role = "admin"): Promise<DoorSample> {
  const { emails, password, roles } = editors();
  const email = role === "admin" ? emails[0]! : roles![role];
  return {
    ...(await createSample(server.dbFile)),
    ...createAccountSample(server.dbFile, email),
    email,
    password,
  };
}

/** A fresh session of the sample's editor (a sign-out door ends it). */
const session = (s: DoorSample) => mintSessions(server.dbFile, s.email, 1, server.secret)[0]!;

test("the registry lists exactly the server actions of the build", () => {
  const built = [...buildActions().keys()].sort();
  const listed = SERVER_ACTIONS.map((a) => `lib/actions/${a.module}.ts#${a.exportName}`).sort();
  expect(built).toEqual(listed);
});

for (const door of SERVER_ACTIONS) {
  test(`action ${door.exportName} (${door.access}): refused without a session, with a forged Origin and with Origin: null`, async () => {
    const s = await sample();
    const cookie = session(s);
    const call = (options: { cookie?: string; origin?: string | null }) =>
      callAction(server, door, {
        page: door.page(s),
        bound: door.bound(s),
        fields: door.fields(s),
        ...options,
      });
    const before = databaseHash(server.dbFile);
    const attempts: [string, ActionResponse][] = [];

    if (door.access === "editor") {
      const response = await call({ origin: server.origin });
      attempts.push(["no session", response]);
      // Sign-out without a session has nothing to do: it only sends the browser to sign-in.
      if (door.withState) {
        expect(response.redirect).toBeUndefined();
        expect(response.state).toMatchObject({ message: SIGNED_OUT });
      }
    }
    for (const origin of [FORGED, null]) {
      const response = await call({ cookie, origin });
      attempts.push([`Origin: ${origin}`, response]);
      expect(response.redirect, `Origin: ${origin}`).toBeUndefined();
      expect(response.state, `Origin: ${origin}`).toBeUndefined();
      // Refused as forbidden (403): the request is at fault, not the server (500).
      expect(response.status, `Origin: ${origin}`).toBe(403);
    }
    expect(databaseHash(server.dbFile)).toBe(before);
    if (door.control === false) {
      figures.push(
        `${door.exportName}: ${attempts.map(([w, r]) => `${w} → ${r.status}`).join(", ")}`,
      );
      return;
    }

    // The same request from a signed-in editor on this site does change the database.
    const control = await call({ cookie, origin: server.origin });
    expect(succeeded(control), JSON.stringify(control.state)).toBe(true);
    expect(databaseHash(server.dbFile)).not.toBe(before);
    figures.push(
      `${door.exportName}: ${attempts.map(([what, r]) => `${what} → ${r.status}`).join(", ")}; ` +
        `control → ${control.status} redirect ${control.redirect}`,
    );
  });
}

/**
 * The role matrix: each door with an account of each role that may not use it is refused with
 * a message that says so, and writes nothing; with an account of a role that may, it works.
 * (Admins are the control above; no session and forged Origins are tried above too.)
 */
for (const door of SERVER_ACTIONS.filter((d) => d.access === "editor" && d.control !== false)) {
  for (const role of ["editor", "reviewer"] as const) {
    const allowed = door.roles.includes(role);
    test(`action ${door.exportName} as ${role}: ${allowed ? "allowed" : "refused"}`, async () => {
      const s = await sample(role);
      const cookie = session(s);
      // Reading a minted session refreshes its expiry (Better Auth's updateAge): the session
      // table is left out of what a refused write must not change.
      const hash = () => databaseHash(server.dbFile, { except: ["session"] });
      const before = hash();
      const response = await callAction(server, door, {
        page: door.page(s),
        bound: door.bound(s),
        fields: door.fields(s),
        cookie,
        origin: server.origin,
      });
      if (allowed) {
        expect(succeeded(response), JSON.stringify(response.state)).toBe(true);
        if (door.exportName !== "signOutAction" && door.exportName !== "endSessionAction") {
          expect(hash()).not.toBe(before);
        }
      } else {
        expect(response.redirect).toBeUndefined();
        expect(response.state).toMatchObject({
          message: expect.stringMatching(/^Your account cannot .*: \w+s may not\./),
        });
        expect(hash()).toBe(before);
      }
      figures.push(
        `${door.exportName} as ${role}: ${response.status} ${allowed ? "allowed" : "refused"}`,
      );
    });
  }
}

async function post(route: RouteDoor, s: DoorSample, headers: Record<string, string>) {
  const response = await fetch(`${server.url}${route.path}`, {
    method: route.method,
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(route.body(s)),
  });
  await response.arrayBuffer();
  return response;
}

for (const route of MUTATING_ROUTES) {
  test(`route ${route.method} ${route.path} (${route.access}): refused without a session, with a forged Origin and with Origin: null`, async () => {
    const s = await sample();
    const cookie = session(s);
    const before = databaseHash(server.dbFile);
    const attempts: string[] = [];
    const closed = route.access === "closed";

    if (route.access !== "public") {
      const response = await post(route, s, { origin: server.origin });
      attempts.push(`no session → ${response.status}`);
      expect(sessionCookie(response)).toBeUndefined();
      if (closed) expect(response.status).toBe(404);
    }
    for (const origin of [FORGED, "null"]) {
      // The public sign-in is tried without a cookie: that is how a forged login would come.
      const headers: Record<string, string> = { origin };
      if (route.access !== "public") headers.cookie = cookie;
      const response = await post(route, s, headers);
      attempts.push(`Origin: ${origin} → ${response.status}`);
      expect(response.status, `Origin: ${origin}`).toBe(closed ? 404 : 403);
      expect(sessionCookie(response)).toBeUndefined();
    }
    expect(databaseHash(server.dbFile)).toBe(before);

    const control = await post(route, s, { origin: server.origin, cookie });
    if (closed) {
      expect(control.status).toBe(404);
      expect(databaseHash(server.dbFile)).toBe(before);
    } else {
      expect(control.status).toBe(200);
      expect(databaseHash(server.dbFile)).not.toBe(before);
    }
    figures.push(
      `${route.method} ${route.path}: ${attempts.join(", ")}; control → ${control.status}`,
    );
  });
}

test("a refused door leaves the session usable: a forged sign-out does not sign the editor out", async () => {
  const s = await sample();
  const cookie = session(s);
  const door = SERVER_ACTIONS.find((a) => a.exportName === "signOutAction") as ServerActionDoor;
  await callAction(server, door, { page: "/admin", fields: {}, cookie, origin: FORGED });
  const admin = await fetch(`${server.url}/admin`, { headers: { cookie }, redirect: "manual" });
  expect(admin.status).toBe(200);
});
