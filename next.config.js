// @ts-check
import { fileURLToPath } from "node:url";

const isDev = process.env.NODE_ENV !== "production";

/**
 * Content-Security-Policy. Next's own bootstrap scripts are inline, hence 'unsafe-inline' for
 * scripts (a nonce would make every page dynamic and defeat the page cache); nothing from other
 * origins may run, be framed, or receive a form.
 */
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * The list's parameters (lib/validation/attendance-query.ts). A list page without them
 * is the same for every reader and is served from the cache; with any of them it is rendered
 * per request. Routing on the query here, rather than in a proxy, keeps any code off the
 * path of the cached pages.
 */
const FILTER_PARAMS = ["status", "q", "sort", "asOf"];

/**
 * A request carrying a session cookie (Better Auth's `…session_token`, with or without its
 * `__Secure-` prefix): a signed-in editor's pages are rendered per request, so that they can
 * offer editing ("Add a leader to this event"). The page checks the session itself; the
 * cookie only routes, and a reader without one keeps the cached page.
 */
const SESSION_COOKIE = /** @type {const} */ ({
  type: "header",
  key: "cookie",
  value: ".*session_token=.*",
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Next hashes the whole body of every page response to make its ETag, cached pages included:
  // a fifth of the CPU a cached event page costs (400 KB). Cached pages carry s-maxage for a
  // shared cache in front, which does not need the ETag.
  generateEtags: false,
  // The default page cache, serving a cached page's HTML as a Buffer (see the file).
  cacheHandler: fileURLToPath(
    new URL("./lib/cache/html-buffer-cache-handler.mjs", import.meta.url),
  ),
  async rewrites() {
    return {
      beforeFiles: [
        {
          source: "/",
          missing: [
            ...FILTER_PARAMS.map((key) => ({ type: /** @type {const} */ ("query"), key })),
            SESSION_COOKIE,
          ],
          destination: "/home/all",
        },
        {
          source: "/events/:slug",
          has: [SESSION_COOKIE],
          destination: "/events/:slug/filtered",
        },
        ...FILTER_PARAMS.map((key) => ({
          source: "/events/:slug",
          has: [{ type: /** @type {const} */ ("query"), key }],
          destination: "/events/:slug/filtered",
        })),
      ],
    };
  },
  experimental: {
    // A source's text may have 500,000 characters (lib/validation/source.ts), up to 3 bytes
    // each in UTF-8: Next's default limit (1 MB) refused such a save with a bare error page.
    serverActions: { bodySizeLimit: "2mb" },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: csp },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      { source: "/admin/:path*", headers: [{ key: "X-Robots-Tag", value: "noindex, nofollow" }] },
      { source: "/admin", headers: [{ key: "X-Robots-Tag", value: "noindex, nofollow" }] },
      { source: "/sign-in", headers: [{ key: "X-Robots-Tag", value: "noindex, nofollow" }] },
    ];
  },
};

export default nextConfig;
