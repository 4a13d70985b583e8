import { z } from "zod";

/**
 * The site's public origin, for absolute addresses such as Open Graph images: BETTER_AUTH_URL
 * (".env.example": the public origin of the site), or else this server on localhost.
 */
export const siteUrl = new URL(
  z
    .url()
    .optional()
    .parse(process.env.BETTER_AUTH_URL || undefined) ??
    `http://localhost:${process.env.PORT ?? 3000}`,
);
