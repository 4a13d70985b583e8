import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, getIP, isAPIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { customSession } from "better-auth/plugins";
import { db } from "@/lib/db";
import { authSecret, siteUrl } from "@/lib/env";
import {
  clearFailedSignIns,
  recordFailedSignIn,
  secondsUntilSignInAllowed,
} from "@/lib/data/sign-in-throttle";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, hashPassword, verifyPassword } from "./password";

const SIGN_IN_PATH = "/sign-in/email";
const SESSION_DAYS = 7;

function signInSubject(ctx: { body?: unknown; request?: Request; headers?: Headers }) {
  const body = (ctx.body ?? {}) as { email?: unknown };
  const email = typeof body.email === "string" ? body.email.trim().toLowerCase() : "";
  const address = getIP(ctx.request ?? ctx.headers ?? new Headers(), {}) ?? "unknown";
  return { email, address };
}

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
      password: { hash: hashPassword, verify: verifyPassword },
    },
    session: { expiresIn: SESSION_DAYS * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    // Our own throttle (below) is per account and address and lives in the database.
    rateLimit: { enabled: false },
    advanced: {
      useSecureCookies: siteUrl().startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" as const },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH) return;
        const { email, address } = signInSubject(ctx);
        const wait = await secondsUntilSignInAllowed(email, address);
        if (wait > 0) {
          throw new APIError("TOO_MANY_REQUESTS", {
            message: `Too many failed sign-ins. Wait ${wait} seconds, then try again.`,
          });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH) return;
        const { email, address } = signInSubject(ctx);
        const returned = ctx.context.returned;
        if (isAPIError(returned)) {
          if (returned.status === "UNAUTHORIZED") await recordFailedSignIn(email, address);
        } else {
          await clearFailedSignIns(email, address);
        }
      }),
    },
    plugins: [
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
