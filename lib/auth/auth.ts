import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { admin, customSession, twoFactor } from "better-auth/plugins";
import { passkey } from "@better-auth/passkey";
import { relyingParty, USER_NOT_VERIFIED_MESSAGE } from "@/lib/accounts/passkeys";
import { db } from "@/lib/db";
import { authSecret, siteUrl } from "@/lib/env";
import {
  countAccountAttempt,
  pruneSignInThrottle,
  recordSuccessfulSignIn,
  reserveSignInAttempt,
} from "@/lib/data/sign-in-throttle";
import { throttleAddressKey } from "@/lib/http/client-address";
import { requestClientAddress } from "./client";
import { HashingBusyError, HashingQueue } from "./hashing-queue";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, hashPassword, verifyPassword } from "./password";
import { currentSignInAddress } from "./sign-in-address";
import { isSiteOrigin } from "./site-address";

const SIGN_IN_PATH = "/sign-in/email";
const PASSKEY_SIGN_IN_PATH = "/passkey/verify-authentication";
/**
 * Where a session begins with a sign-in: a password, then a second factor if set up; or a
 * passkey.
 */
const SIGN_IN_PATHS = /^\/(sign-in\/email|two-factor\/verify-|passkey\/verify-authentication)/;
const SESSION_DAYS = 7;

function signInSubject(ctx: { body?: unknown; request?: Request; headers?: Headers }) {
  const body = (ctx.body ?? {}) as { email?: unknown };
  const email = typeof body.email === "string" ? body.email.trim().toLowerCase() : "";
  const headers = ctx.request?.headers ?? ctx.headers ?? new Headers();
  const address = throttleAddressKey(requestClientAddress(headers));
  return { email, address };
}

/** Every password hash of sign-in goes through this (an unknown email is hashed too). */
const hashing = new HashingQueue();

const SIGN_IN_BUSY_CODE = "SIGN_IN_BUSY";

function busy(error: HashingBusyError) {
  const seconds = error.retryAfterSeconds;
  return new APIError(
    "SERVICE_UNAVAILABLE",
    {
      code: SIGN_IN_BUSY_CODE,
      message: `Many sign-ins are under way. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`,
    },
    { "Retry-After": String(seconds) },
  );
}

async function throughQueue<T>(hash: () => Promise<T>): Promise<T> {
  try {
    return await hashing.run(hash, currentSignInAddress());
  } catch (error) {
    throw error instanceof HashingBusyError ? busy(error) : error;
  }
}

const userNotVerified = () =>
  new APIError("UNAUTHORIZED", { code: "USER_NOT_VERIFIED", message: USER_NOT_VERIFIED_MESSAGE });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const createAuth = () =>
  betterAuth({
    appName: "Rollcall",
    baseURL: siteUrl(),
    secret: authSecret(),
    // Better Auth's own dialect, not the database: "sqlite" on PostgreSQL too keeps its lookups
    // as they are on SQLite (case-sensitive, no native arrays or UUIDs); Prisma talks to
    // whichever database lib/database.ts chose.
    database: prismaAdapter(db, { provider: "sqlite" }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      password: {
        hash: (password) => throughQueue(() => hashPassword(password)),
        verify: (input) => throughQueue(() => verifyPassword(input)),
      },
    },
    session: { expiresIn: SESSION_DAYS * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    databaseHooks: {
      session: {
        create: {
          // The sessions list shows each one's address, found as the sign-in throttle finds it.
          before: async (session, ctx) => ({
            data: {
              ...session,
              ipAddress: ctx?.headers ? requestClientAddress(ctx.headers) : "",
            },
          }),
          after: async (session, ctx) => {
            if (ctx?.path && SIGN_IN_PATHS.test(ctx.path)) {
              await db.user.updateMany({
                where: { id: session.userId },
                data: { lastSignInAt: new Date() },
              });
            }
          },
        },
      },
    },
    // Our own throttle (below) is per account and address and lives in the database.
    rateLimit: { enabled: false },
    // BETTER_AUTH_URL, and in development the addresses the dev server answers on.
    trustedOrigins: (request) => {
      const origin = request?.headers.get("origin");
      return origin && isSiteOrigin(origin) ? [origin] : [];
    },
    advanced: {
      // The throttle finds the client's address itself (lib/auth/client.ts); Better Auth
      // would read X-Forwarded-For as the client sent it.
      ipAddress: { disableIpTracking: true },
      useSecureCookies: siteUrl().startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" as const },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH) return;
        // Another site's request is refused by Better Auth's own origin check, which runs after
        // this hook: it is neither counted nor hashed.
        const origin = (ctx.request?.headers ?? ctx.headers)?.get("origin");
        if (origin != null && !isSiteOrigin(origin)) return;
        const { email, address } = signInSubject(ctx);
        // Counted first, whatever comes of it: an attempt refused below as busy counts too.
        const { refuseForSeconds } = await reserveSignInAttempt(email, address);
        if (refuseForSeconds > 0) {
          throw new APIError(
            "TOO_MANY_REQUESTS",
            {
              message: `Too many failed sign-ins. Wait ${refuseForSeconds} seconds, then try again.`,
            },
            { "Retry-After": String(refuseForSeconds) },
          );
        }
        if (hashing.refuses(currentSignInAddress())) throw busy(hashing.busyError());
        const { delayMs } = await countAccountAttempt(email);
        if (delayMs > 0) await sleep(delayMs);
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path === PASSKEY_SIGN_IN_PATH) {
          // The plugin keeps no date of use; the account page shows this one.
          const credentialId = (ctx.body as { response?: { id?: unknown } } | undefined)?.response
            ?.id;
          if (!isAPIError(ctx.context.returned) && typeof credentialId === "string") {
            await db.passkey.updateMany({
              where: { credentialID: credentialId },
              data: { lastUsedAt: new Date() },
            });
          }
          return;
        }
        if (ctx.path !== SIGN_IN_PATH) return;
        const { email, address } = signInSubject(ctx);
        const returned = ctx.context.returned;
        // The attempt was counted as failed when it began (reserveSignInAttempt).
        if (isAPIError(returned)) {
          if (returned.status === "UNAUTHORIZED") await pruneSignInThrottle();
        } else {
          await recordSuccessfulSignIn(email, address);
        }
      }),
    },
    plugins: [
      // Its fields (role, banned) and its refusal to open a session for a disabled ("banned")
      // account; accounts are managed through lib/data/accounts*.ts, and none of its
      // endpoints is forwarded over HTTP (lib/auth/routes.ts).
      admin({
        defaultRole: "reviewer",
        bannedUserMessage: "This account is disabled. Ask an admin of this site to enable it.",
      }),
      // TOTP with backup codes. Codes have their own throttle: five tries per sign-in (then the
      // password again), and ten failures in a row lock the second step for fifteen minutes.
      twoFactor({
        issuer: "Rollcall",
        backupCodeOptions: { amount: 10, length: 10 },
        accountLockout: { enabled: true, maxFailedAttempts: 10, durationSeconds: 15 * 60 },
      }),
      // Passkeys, bound to the site's address. A passkey signs in without the password or the
      // app's code, so it must verify its user (PIN or biometrics) as well as be present: asked
      // for when one is made, and an assertion without it is refused (the plugin would take it).
      // The sessions it opens go through the admin plugin's refusal of a disabled account.
      passkey({
        rpName: "Rollcall",
        ...relyingParty(siteUrl()),
        authenticatorSelection: { residentKey: "required", userVerification: "required" },
        registration: {
          afterVerification: async ({ verification }) => {
            if (!verification.registrationInfo?.userVerified) throw userNotVerified();
            return {};
          },
        },
        authentication: {
          afterVerification: async ({ verification }) => {
            if (!verification.authenticationInfo.userVerified) throw userNotVerified();
          },
        },
      }),
      // The session's token is its cookie's value, HttpOnly so that page scripts cannot read
      // it; /api/auth/get-session's answer leaves it out for the same reason.
      customSession(async ({ user, session }) => {
        const withoutToken: Partial<typeof session> = { ...session };
        delete withoutToken.token;
        return { user, session: withoutToken };
      }),
      nextCookies(), // last, as Better Auth asks
    ],
  });

let instance: ReturnType<typeof createAuth> | undefined;

/**
 * Better Auth, created on first use rather than at import, so `next build` needs no secret.
 */
export function getAuth() {
  instance ??= createAuth();
  return instance;
}
