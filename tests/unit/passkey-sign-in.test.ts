import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USER_NOT_VERIFIED_MESSAGE } from "@/lib/accounts/passkeys";
import { createAccount } from "../factories";
import { createTestDatabase } from "./helpers/test-db";
import { SoftwareAuthenticator } from "./helpers/software-authenticator";

/**
 * Better Auth's passkey plugin as lib/auth/auth.ts configures it, driven through its server API
 * (as lib/actions/passkeys.ts drives it) with an authenticator in software: the ceremonies work
 * at the site's address, a sign-in must verify its user, a disabled account is refused, and a
 * sign-in notes when the passkey was last used. The browser's side is tests/e2e/passkeys.spec.ts.
 */

const SITE = "http://localhost:3180";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let auth: ReturnType<typeof import("@/lib/auth/auth").getAuth>;
let editor: { id: string; email: string };
let device: SoftwareAuthenticator;

/** Cookies as a browser keeps them: each Set-Cookie replaces the one of its name. */
class Jar {
  private cookies = new Map<string, string>();
  take(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  }
  headers() {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    return new Headers({ origin: SITE, cookie });
  }
}

/** A passkey sign-in as the sign-in page makes it; the jar gets the session's cookie. */
async function signInWithPasskey(jar = new Jar()) {
  const started = await auth.api.generatePasskeyAuthenticationOptions({
    headers: jar.headers(),
    returnHeaders: true,
  });
  jar.take(started.headers);
  const response = device.authenticate(started.response.challenge);
  const signedIn = await auth.api.verifyPasskeyAuthentication({
    body: { response },
    headers: jar.headers(),
    returnHeaders: true,
  });
  jar.take(signedIn.headers);
  return { jar, user: signedIn.response.user };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ code: "none", message: "it was accepted" }),
    (error: { body?: { code?: string; message?: string } }) => ({
      code: error.body?.code,
      message: error.body?.message,
    }),
  );

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.BETTER_AUTH_URL = SITE;
  process.env.BETTER_AUTH_SECRET ??= "a-test-secret-that-is-long-enough-0123456789";
  editor = await createAccount(t.db, {
    email: "pk@example.org",
    name: "Pass Key",
    password: "a-long-password",
  });
  auth = (await import("@/lib/auth/auth")).getAuth();
  device = new SoftwareAuthenticator("localhost", SITE);
}, 120_000);

afterAll(async () => {
  await t?.cleanup();
});

describe("passkeys through Better Auth's plugin", () => {
  it("adds a passkey bound to the site's host name, for the signed-in account", async () => {
    const jar = new Jar();
    const signedIn = await auth.api.signInEmail({
      body: { email: editor.email, password: "a-long-password" },
      headers: jar.headers(),
      returnHeaders: true,
    });
    jar.take(signedIn.headers);
    const started = await auth.api.generatePasskeyRegistrationOptions({
      headers: jar.headers(),
      returnHeaders: true,
    });
    jar.take(started.headers);
    expect(started.response.rp).toEqual({ name: "Rollcall", id: "localhost" });
    expect(started.response.authenticatorSelection).toMatchObject({
      residentKey: "required",
      userVerification: "required",
    });
    await auth.api.verifyPasskeyRegistration({
      body: { response: device.register(started.response.challenge), name: "Laptop" },
      headers: jar.headers(),
    });
    const stored = await t.db.passkey.findMany({ where: { userId: editor.id } });
    expect(stored).toMatchObject([{ name: "Laptop", lastUsedAt: null }]);
  });

  it("signs in with it alone, and notes when it was last used", async () => {
    const before = new Date();
    const { jar, user } = await signInWithPasskey();
    expect(user.id).toBe(editor.id);
    const session = await auth.api.getSession({ headers: jar.headers() });
    expect(session?.user.id).toBe(editor.id);
    const stored = await t.db.passkey.findFirstOrThrow({ where: { userId: editor.id } });
    expect(stored.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    const account = await t.db.user.findUniqueOrThrow({ where: { id: editor.id } });
    expect(account.lastSignInAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  });

  it("refuses a sign-in whose device did not verify its user, and opens no session", async () => {
    const sessions = await t.db.session.count({ where: { userId: editor.id } });
    device.userVerified = false;
    try {
      expect(await refusal(signInWithPasskey())).toEqual({
        code: "USER_NOT_VERIFIED",
        message: USER_NOT_VERIFIED_MESSAGE,
      });
    } finally {
      device.userVerified = true;
    }
    expect(await t.db.session.count({ where: { userId: editor.id } })).toBe(sessions);
  });

  it("refuses a disabled account with the admin plugin's message", async () => {
    await t.db.user.update({ where: { id: editor.id }, data: { banned: true } });
    try {
      const refused = await refusal(signInWithPasskey());
      expect(refused.code).toBe("BANNED_USER");
      expect(refused.message).toMatch(/This account is disabled/);
    } finally {
      await t.db.user.update({ where: { id: editor.id }, data: { banned: false } });
    }
  });

  it("refuses a passkey whose row was removed, and a challenge used twice", async () => {
    const jar = new Jar();
    const started = await auth.api.generatePasskeyAuthenticationOptions({
      headers: jar.headers(),
      returnHeaders: true,
    });
    jar.take(started.headers);
    const response = device.authenticate(started.response.challenge);
    await auth.api.verifyPasskeyAuthentication({ body: { response }, headers: jar.headers() });
    expect(
      (
        await refusal(
          auth.api.verifyPasskeyAuthentication({ body: { response }, headers: jar.headers() }),
        )
      ).code,
    ).toBe("CHALLENGE_NOT_FOUND");

    await t.db.passkey.deleteMany({ where: { userId: editor.id } });
    expect((await refusal(signInWithPasskey())).code).toBe("PASSKEY_NOT_FOUND");
  });
});
