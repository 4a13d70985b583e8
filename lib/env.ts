import "server-only";
import fs from "node:fs";
import { z } from "zod";
import { secretFile } from "./auth/secret-file";
import { parseTrustedProxies } from "./http/client-address";

const envSchema = z.object({
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
});

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

/** The site's public origin, for auth callbacks and absolute links. */
export const siteUrl = () => env.BETTER_AUTH_URL ?? `http://localhost:${env.PORT}`;
