// @ts-check
import os from "node:os";
import { fileURLToPath } from "node:url";
import { BASE_POLICY, EMBED_BASE_POLICY } from "./lib/security/content-security-policy.mjs";

/**
 * The list's parameters (lib/validation/attendance-query.ts). A list page without them, or by a
 * status or a sort alone, is the same for every reader and is served from the cache (the rules
 * below). A reader's search or day never reaches these rules: proxy.ts rewrites it first to its
 * own cached page (app/events/[slug]/query/[query]), since its values are too many for a rule.
 * What is left (a signed-in editor, a value the list does not know) is rendered per request.
 * Routing the status and the sort here, rather than in the proxy, keeps any code off the path
 * of the most-read cached pages.
 */
const FILTER_PARAMS = ["status", "q", "sort", "asOf"];

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

/** @param {string} key */
const query = (key) => ({ type: /** @type {const} */ ("query"), key });
const STATUS = { ...query("status"), value: "(?<status>confirmed|reported|declined)" };
const SORT = { ...query("sort"), value: "(?<sort>name|status|country)" };

/**
 * A list filtered by a status or sorted (no search, no day) is the same for every reader: it is
 * cached like the unfiltered list, one page per status and sort (app/events/[slug]/view). The
 * values are the list's own (lib/attendance/status.ts); an empty one counts as none, for Next
 * as for the list. Any other value (which the list reads as the default), a session cookie, or
 * a search or a day the proxy did not take (one too long to cache) goes on to the page rendered
 * per request, which proxy.ts gives a nonce. Of a repeated parameter Next
 * matches the last value, and so does the list (lib/validation/attendance-query.ts).
 */
const CACHED_VIEWS = [
  { has: [STATUS, SORT], missing: [], view: ":status/:sort" },
  { has: [STATUS], missing: [query("sort")], view: ":status/name" },
  { has: [SORT], missing: [query("status")], view: "all/:sort" },
];
const UNCACHED_VIEW = [query("q"), query("asOf"), SESSION_COOKIE];
/** The API's first page is cached the same way (app/api/events/[slug]/attendance/view). */
const UNCACHED_API = [query("q"), query("asOf"), query("limit"), query("cursor")];

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
        // The site's feed, cached like the lists (app/feeds/[scope]).
        { source: "/feed.xml", destination: "/feeds/all" },
        {
          source: "/events/:slug",
          has: [SESSION_COOKIE],
          destination: "/events/:slug/filtered",
        },
        ...CACHED_VIEWS.map(({ has, missing, view }) => ({
          source: "/events/:slug",
          has,
          missing: [...missing, ...UNCACHED_VIEW],
          destination: `/events/:slug/view/${view}`,
        })),
        ...[
          ...CACHED_VIEWS,
          { has: [], missing: [query("status"), query("sort")], view: "all/name" },
        ].map(({ has, missing, view }) => ({
          source: "/api/events/:slug/attendance",
          has,
          missing: [...missing, ...UNCACHED_API],
          destination: `/api/events/:slug/attendance/view/${view}`,
        })),
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
