// @ts-check
import os from "node:os";
import { fileURLToPath } from "node:url";
import { pageCacheRewrites } from "./lib/cache/cached-routes.mjs";
import { BASE_POLICY, EMBED_BASE_POLICY } from "./lib/security/content-security-policy.mjs";

const isDev = process.env.NODE_ENV !== "production";

/**
 * The addresses `next dev` answers on besides localhost (it prints the network one): Next
 * blocks its development scripts on any other, and the pages would not hydrate there.
 */
const devOrigins = [
  "127.0.0.1",
  "[::1]",
  ...Object.values(os.networkInterfaces())
    .flat()
    .flatMap((a) => (a && !a.internal ? [a.family === "IPv6" ? `[${a.address}]` : a.address] : [])),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  allowedDevOrigins: isDev ? devOrigins : undefined,
  // `npm run bench` builds into a directory of its own, so it never replaces the app's build
  // nor its page cache (bench/run.ts).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Next hashes the whole body of every page response to make its ETag, cached pages included:
  // on a cached page, much of what serving it costs (docs/benchmark.md). Cached pages carry
  // s-maxage for a shared cache in front, which does not need the ETag.
  generateEtags: false,
  // `npm test` has just run `npm run typecheck` (route types included) on this same tree, so
  // its build does not check the types a second time (scripts/test/suites.ts).
  typescript: { ignoreBuildErrors: process.env.ROLLCALL_TYPES_CHECKED === "1" },
  // The page cache: entries of this database only, compressed once, each with its script
  // policy (lib/cache/page-cache.mjs); in Redis when REDIS_URL is set, else under .next.
  cacheHandler: fileURLToPath(new URL("./lib/cache/page-cache-handler.mjs", import.meta.url)),
  // The routing of the cached pages, with every other rule about them (lib/cache/cached-routes.mjs).
  async rewrites() {
    return { beforeFiles: pageCacheRewrites() };
  },
  experimental: {
    // A source's text may have 500,000 characters (lib/validation/source.ts), up to 3 bytes
    // each in UTF-8: Next's default limit (1 MB) refused such a save with a bare error page.
    // The spreadsheet import takes files of up to 10 MB (lib/csv/import-file.ts), and its
    // apply form carries the dry run's rows back: the limit leaves room for either.
    serverActions: { bodySizeLimit: "12mb" },
  },
  async headers() {
    const common = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      // No page here uses a camera, a microphone, the location or payments.
      {
        key: "Permissions-Policy",
        value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
      },
    ];
    const unframed = [
      { key: "Content-Security-Policy", value: BASE_POLICY },
      ...common,
      { key: "X-Frame-Options", value: "DENY" },
      // No other site's window shares a browsing context group with ours.
      { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ];
    return [
      // Every path but the embeds refuses to be framed; "/" is listed apart, as the pattern
      // after it needs at least one character.
      { source: "/", headers: unframed },
      { source: "/:path((?!embed/).+)", headers: unframed },
      // The embeds (app/embed) are made to be framed by any site: no X-Frame-Options, and
      // `frame-ancestors *` (proxy.ts sets their nonce policy the same way).
      {
        source: "/embed/:path*",
        headers: [{ key: "Content-Security-Policy", value: EMBED_BASE_POLICY }, ...common],
      },
      {
        // Over https only (a browser ignores it on plain http anyway): the proxy or CDN that
        // ends TLS in front says so with X-Forwarded-Proto, as next start itself speaks http.
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=63072000" }],
      },
      { source: "/admin/:path*", headers: [{ key: "X-Robots-Tag", value: "noindex, nofollow" }] },
      { source: "/admin", headers: [{ key: "X-Robots-Tag", value: "noindex, nofollow" }] },
      { source: "/sign-in", headers: [{ key: "X-Robots-Tag", value: "noindex, nofollow" }] },
    ];
  },
};

export default nextConfig;
