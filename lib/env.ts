import "server-only";
import fs from "node:fs";
import { z } from "zod";
import { secretFile } from "./auth/secret-file";
import { cachedPageCacheControl } from "./cache/cache-control.mjs";
import { parseTrustedProxies } from "./http/client-address";
import { smtpSettingsFrom } from "./mail/mailer";

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    BETTER_AUTH_SECRET: z
      .string()
      .min(32, "BETTER_AUTH_SECRET must have at least 32 characters.")
      .optional(),
    // Empty, as `BETTER_AUTH_URL=` in a .env file, is unset.
    BETTER_AUTH_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url().optional()),
    PORT: z.coerce.number().int().positive().default(3000),
    TRUSTED_PROXIES: z
      .string()
      .default("")
      .transform((value, ctx) => {
        const trust = parseTrustedProxies(value);
        if (trust) return trust;
        ctx.addIssue({
          code: "custom",
          message:
            "TRUSTED_PROXIES must be a number of proxies (e.g. 1) or a comma-separated list of addresses and CIDR ranges (e.g. 127.0.0.1,10.0.0.0/8).",
        });
        return z.NEVER;
      }),
    // How long a shared cache in front (a CDN, a proxy) may keep a cached page, then serve it
    // stale while it asks again: an edit reaches its readers within the first.
    CACHE_S_MAXAGE: z.coerce
      .number({ error: "CACHE_S_MAXAGE must be a number of seconds." })
      .int("CACHE_S_MAXAGE must be a whole number of seconds.")
      .min(0, "CACHE_S_MAXAGE cannot be negative.")
      .max(31_536_000, "CACHE_S_MAXAGE can be at most a year (31536000).")
      .default(60),
    CACHE_STALE_WHILE_REVALIDATE: z.coerce
      .number({ error: "CACHE_STALE_WHILE_REVALIDATE must be a number of seconds." })
      .int("CACHE_STALE_WHILE_REVALIDATE must be a whole number of seconds.")
      .min(0, "CACHE_STALE_WHILE_REVALIDATE cannot be negative.")
      .max(31_536_000, "CACHE_STALE_WHILE_REVALIDATE can be at most a year (31536000).")
      .default(300),
    // Bounds of the page cache's store: past either, its oldest pages are deleted.
    PAGE_CACHE_MAX_ENTRIES: z.coerce
      .number({ error: "PAGE_CACHE_MAX_ENTRIES must be a number of pages." })
      .int("PAGE_CACHE_MAX_ENTRIES must be a whole number of pages.")
      .min(1, "PAGE_CACHE_MAX_ENTRIES must be at least 1.")
      .default(20_000),
    PAGE_CACHE_MAX_MB: z.coerce
      .number({ error: "PAGE_CACHE_MAX_MB must be a number of megabytes." })
      .int("PAGE_CACHE_MAX_MB must be a whole number of megabytes.")
      .min(1, "PAGE_CACHE_MAX_MB must be at least 1.")
      .default(1024),
    // The page cache shared by several servers (lib/cache/redis-cache-store.mjs); unset, each
    // server keeps its own under .next.
    REDIS_URL: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z
        .url({
          protocol: /^rediss?$/,
          error: "REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379.",
        })
        .optional(),
    ),
    // "host:port" pairs the source fetcher may reach though they are not public addresses: the
    // tests' local pages. Off by default; see lib/fetch-source/address-guard.ts.
    SOURCE_FETCH_ALLOW_HOSTS: z
      .string()
      .default("")
      .refine(
        (v) =>
          v
            .split(",")
            .every((h) => !h.trim() || /^(\[[0-9a-f:.]+\]|[^\s:/[\]]+):\d{1,5}$/i.test(h.trim())),
        "SOURCE_FETCH_ALLOW_HOSTS must be a comma-separated list of host:port pairs, e.g. 127.0.0.1:4100.",
      ),
    // A second setting, so that a test's allow-list copied into production does nothing.
    SOURCE_FETCH_ALLOW_IN_PRODUCTION: z
      .enum(["", "yes"], {
        error: 'SOURCE_FETCH_ALLOW_IN_PRODUCTION must be "yes" or unset.',
      })
      .default(""),
  })
  .refine(
    (e) =>
      e.NODE_ENV !== "production" ||
      !e.SOURCE_FETCH_ALLOW_HOSTS.trim() ||
      e.SOURCE_FETCH_ALLOW_IN_PRODUCTION === "yes",
    {
      path: ["SOURCE_FETCH_ALLOW_HOSTS"],
      message:
        "SOURCE_FETCH_ALLOW_HOSTS lets the source fetcher reach private addresses, for tests; in production it also needs SOURCE_FETCH_ALLOW_IN_PRODUCTION=yes.",
    },
  );

/** The environment, read and validated once. */
export const env = envSchema.parse(process.env);

/**
 * The secret that signs session cookies: BETTER_AUTH_SECRET, or else the random one that
 * `scripts/prepare-db.ts` generated beside the database (never committed, mode 0600).
 */
export function authSecret(): string {
  if (env.BETTER_AUTH_SECRET) return env.BETTER_AUTH_SECRET;
  try {
    const secret = fs.readFileSync(/*turbopackIgnore: true*/ secretFile(), "utf8").trim();
    if (secret.length >= 32) return secret;
  } catch {
    // fall through
  }
  throw new Error("No BETTER_AUTH_SECRET: set it, or run `npm run db:prepare` to generate one.");
}

/**
 * The Cache-Control of a cached page: browsers ask again every time (an editor sees an edit at
 * once); a shared cache keeps it for CACHE_S_MAXAGE seconds, then may serve it stale for
 * CACHE_STALE_WHILE_REVALIDATE more while it fetches the new one.
 */
export const pageCacheControl = () =>
  cachedPageCacheControl({
    CACHE_S_MAXAGE: String(env.CACHE_S_MAXAGE),
    CACHE_STALE_WHILE_REVALIDATE: String(env.CACHE_STALE_WHILE_REVALIDATE),
  });

/** The site's public origin, for auth callbacks and absolute links. */
export const siteUrl = () => env.BETTER_AUTH_URL ?? `http://localhost:${env.PORT}`;

/** Where invitations are mailed from: null (the default) sends none (lib/mail/mailer.ts). */
export const smtpSettings = () => smtpSettingsFrom(process.env);
