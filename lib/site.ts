import { z } from "zod";

/**
 * The site's public origin, for absolute addresses such as Open Graph images: SITE_URL, or
 * else this server on localhost.
 */
export const siteUrl = new URL(
  z
    .url()
    .optional()
    .parse(process.env.SITE_URL || undefined) ?? `http://localhost:${process.env.PORT ?? 3000}`,
);
