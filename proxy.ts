import { NextResponse, type NextRequest } from "next/server";
import { cachedPageCacheControl } from "@/lib/cache/cache-control.mjs";
import { isCachedPageRequest, SESSION_COOKIE } from "@/lib/cache/cached-routes.mjs";
import { embedViewOf, queryViewOf } from "@/lib/validation/query-view";
import {
  embedPagePolicy,
  isEmbedPath,
  isSnapshotPath,
  pagePolicy,
  SNAPSHOT_POLICY,
} from "@/lib/security/content-security-policy.mjs";

/**
 * Three jobs, all before Next sees the request (and a fourth: a source's page as fetched gets
 * its sandboxing policy, lib/security/content-security-policy.mjs).
 *
 * A POST to a page (how a server action is called) from another origin answers 403 here.
 * Next.js refuses such a server action itself, but with a 500, as if the server had failed
 * (it throws from its action handler and offers no hook to answer otherwise). This is the
 * same rule, applied first: the Origin's host must be the host the request was sent to, as
 * Next compares them (X-Forwarded-Host, else Host); `Origin: null` never is.
 *
 * Every page rendered per request gets a script policy with a fresh nonce, which Next reads
 * from the request's Content-Security-Policy and puts on its own inline scripts, whatever
 * headers the request carries. Cached pages never get one (a nonce would be stored with
 * them): theirs names their scripts by hash instead (lib/cache/page-cache.mjs). A POST renders
 * per request whatever its path (a form posted without JavaScript answers the page's HTML), so
 * it gets a nonce too.
 *
 * A cached page's segment prefetch (`Next-Router-Segment-Prefetch`) is answered by Next
 * straight from the cache entry, without the entry's headers and with a Cache-Control of its
 * own making (a year for a page that only an edit invalidates): it gets the configured one
 * here, which Next keeps. Next strips the router's headers before the proxy sees the request,
 * so the matcher (below) is what brings such a request here.
 */
export function proxy(request: NextRequest) {
  const post = request.method === "POST";
  if (post && request.headers.has("origin") && !fromThisSite(request)) {
    return new NextResponse("This request came from another site, so it was refused.\n", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  // A source's page as fetched has a policy of its own; the one here is the last word on a
  // response's policy (it replaces next.config.js's and the route's), so it is set here.
  if (isSnapshotPath(request.nextUrl.pathname)) {
    const response = NextResponse.next();
    response.headers.set("content-security-policy", SNAPSHOT_POLICY);
    return response;
  }
  const cookie = request.headers.get("cookie");
  // A reader's search or day of an event's list or of the home page, and an embed, go to the
  // page that keeps it in the cache, under its state's one spelling
  // (app/events/[slug]/query/[query], app/home/query/[query], app/embed/events/[slug]/view/[view]).
  const queryView = post ? null : queryViewPath(request.nextUrl, cookie);
  if (queryView) {
    const response = NextResponse.rewrite(new URL(queryView, request.url));
    response.headers.set("cache-control", cachedPageCacheControl());
    return response;
  }
  if (!post && isCachedPageRequest(request.nextUrl, cookie)) {
    const response = NextResponse.next();
    response.headers.set("cache-control", cachedPageCacheControl());
    return response;
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  // An embed may be framed by any site; every other page by none.
  const policy = (isEmbedPath(request.nextUrl.pathname) ? embedPagePolicy : pagePolicy)([
    `'nonce-${nonce}'`,
  ]);
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

/**
 * The cached page of a search or a day of an event's list (`/events/<slug>?q=…` or `?asOf=…`)
 * or of the home page (`/?q=…`, app/home/query) for a reader without a session, or of an embed
 * in any state, or null: a signed-in editor's list is rendered per request, with its editing
 * (the rewrites in cached-routes.mjs).
 */
function queryViewPath(url: URL, cookie: string | null): string | null {
  // An embed shows nothing of a session: every request for it has its cached page.
  const embed = /^\/embed\/events\/([^/]+)$/.exec(url.pathname);
  if (embed) return `/embed/events/${embed[1]}/view/${embedViewOf(url.searchParams)}`;
  const home = url.pathname === "/";
  const event = /^\/events\/([^/]+)$/.exec(url.pathname);
  if ((!home && !event) || (cookie && SESSION_COOKIE.test(cookie))) return null;
  const segment = queryViewOf(url.searchParams);
  if (!segment) return null;
  return event ? `/events/${event[1]}/query/${segment}` : `/home/query/${segment}`;
}

function fromThisSite(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  const host =
    request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin && origin !== "null" ? new URL(origin).host : null;
  } catch {
    // an Origin that is not a URL is as good as none
  }
  return Boolean(originHost) && originHost === host;
}

/**
 * Deny by default: the first entry brings every path here but /api (route handlers check the
 * Origin themselves; Better Auth answers 403 too), Next's files, the cached pages (the lists,
 * the index of events, and the pages of entries, leaders, sources and sources' texts) and the
 * files that are not pages (icons, images, robots.txt, the CSV exports, the feeds, the embed
 * scripts, the map's land). So a new page gets its nonce without anyone listing it. The exempt
 * lists come back when they are rendered per request (next.config.js's rewrites): `/` and
 * `/events/:slug` with a session cookie, a search, a day, or a status or sort the list does not
 * know. Any request with an Origin (for the POST check) or a segment prefetch (for its
 * Cache-Control) comes too; the proxy tells a cached page from the others by the one rule
 * (isCachedPageRequest), so a cached page listed here only spares the proxy's run (and its
 * second Cache-Control header): one left out is still never given a nonce.
 * tests/reliability/csp.spec.ts fails for a page rendered per request left out. Next reads this
 * list as it is written: it cannot be built from a constant.
 */
export const config = {
  matcher: [
    {
      source:
        "/((?!api/|_next/|$|home/view/[^/]+/[^/]+$|home/share-image/[^/]+$|events$|events-index/[^/]+$|events/[^/]+$|events/[^/]+/view/[^/]+/[^/]+$|attendance/[^/]+$|leaders/[^/]+$|sources/[^/]+$|sources/[^/]+/versions/[^/]+$|events/[^/]+/(?:opengraph-image|twitter-image|attendance\\.csv|feed\\.xml$)|opengraph-image|twitter-image|icon\\.svg|robots\\.txt|favicon\\.ico|attendance\\.csv$|feed\\.xml$|feeds/[^/]+$|embed\\.js$|embed-frame\\.js$|map/land\\.svg$).*)",
    },
    { source: "/((?!api/|_next/).*)", has: [{ type: "header", key: "origin" }] },
    {
      source: "/((?!api/|_next/).*)",
      has: [{ type: "header", key: "next-router-segment-prefetch" }],
    },
    // A signed-in editor's home and event pages are rendered per request (next.config.js).
    { source: "/", has: [{ type: "header", key: "cookie", value: ".*session_token=.*" }] },
    {
      source: "/events/:slug",
      has: [{ type: "header", key: "cookie", value: ".*session_token=.*" }],
    },
    // A status or sort of the list's own is a cached view (next.config.js); another value
    // (which the list reads as none) is rendered per request, so it needs a nonce.
    {
      source: "/",
      has: [{ type: "query", key: "status", value: "(?!(?:confirmed|reported|declined)$).*" }],
    },
    { source: "/", has: [{ type: "query", key: "q" }] },
    { source: "/", has: [{ type: "query", key: "sort", value: "(?!(?:name|status|country)$).*" }] },
    { source: "/", has: [{ type: "query", key: "asOf" }] },
    {
      source: "/events/:slug",
      has: [{ type: "query", key: "status", value: "(?!(?:confirmed|reported|declined)$).*" }],
    },
    { source: "/events/:slug", has: [{ type: "query", key: "q" }] },
    {
      source: "/events/:slug",
      has: [{ type: "query", key: "sort", value: "(?!(?:name|status|country)$).*" }],
    },
    { source: "/events/:slug", has: [{ type: "query", key: "asOf" }] },
  ],
};
