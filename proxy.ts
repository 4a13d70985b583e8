import { NextResponse, type NextRequest } from "next/server";
import { pagePolicy } from "@/lib/security/content-security-policy.mjs";

/**
 * Two jobs, both before Next sees the request.
 *
 * A POST to a page (how a server action is called) from another origin answers 403 here.
 * Next.js refuses such a server action itself, but with a 500, as if the server had failed
 * (it throws from its action handler and offers no hook to answer otherwise). This is the
 * same rule, applied first: the Origin's host must be the host the request was sent to, as
 * Next compares them (X-Forwarded-Host, else Host); `Origin: null` never is.
 *
 * Pages rendered per request get a script policy with a fresh nonce, which Next reads from the
 * request's Content-Security-Policy and puts on its own inline scripts. Cached pages never get
 * one (see the matcher): a nonce would be stored with them. Theirs names their scripts by hash
 * instead (lib/cache/page-cache.mjs). A POST renders per request whatever its path (a form
 * posted without JavaScript answers the page's HTML), so it gets a nonce too.
 */
export function proxy(request: NextRequest) {
  const post = request.method === "POST";
  if (post && request.headers.has("origin") && !fromThisSite(request)) {
    return new NextResponse("This request came from another site, so it was refused.\n", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  if (!post && request.headers.has("origin")) {
    // A GET with an Origin (a cross-origin fetch) came in by the first matcher only, and may be
    // for a cached page: leave it as it is.
    return NextResponse.next();
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = pagePolicy([`'nonce-${nonce}'`]);
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
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
 * First, every request that carries an Origin, but for /api (route handlers check the Origin
 * themselves; Better Auth answers 403 too) and Next's files: browsers send none when they load
 * a page, so no reader's request, cached pages included, comes in by it. Then every page
 * rendered per request, by the path it is asked for (rewrites come after the proxy): the lists
 * with a filter, the entry and source pages, the changes, the events list, sign-in and the
 * admin. tests/reliability/csp.spec.ts fails for a page left out. RSC requests (navigations,
 * prefetches) answer no HTML, so they need no nonce. Next reads this list as it is written: it
 * cannot be built from a constant.
 */
export const config = {
  matcher: [
    { source: "/((?!api/|_next/).*)", has: [{ type: "header", key: "origin" }] },
    { source: "/admin", missing: [{ type: "header", key: "rsc" }] },
    { source: "/admin/:path*", missing: [{ type: "header", key: "rsc" }] },
    { source: "/sign-in", missing: [{ type: "header", key: "rsc" }] },
    { source: "/sign-in/:path*", missing: [{ type: "header", key: "rsc" }] },
    { source: "/changes", missing: [{ type: "header", key: "rsc" }] },
    { source: "/events", missing: [{ type: "header", key: "rsc" }] },
    { source: "/events/:slug/filtered", missing: [{ type: "header", key: "rsc" }] },
    { source: "/attendance/:id", missing: [{ type: "header", key: "rsc" }] },
    { source: "/sources/:id", missing: [{ type: "header", key: "rsc" }] },
    // A signed-in editor's home and event pages are rendered per request (next.config.js).
    {
      source: "/",
      has: [{ type: "header", key: "cookie", value: ".*session_token=.*" }],
      missing: [{ type: "header", key: "rsc" }],
    },
    {
      source: "/events/:slug",
      has: [{ type: "header", key: "cookie", value: ".*session_token=.*" }],
      missing: [{ type: "header", key: "rsc" }],
    },
    {
      source: "/",
      has: [{ type: "query", key: "status" }],
      missing: [{ type: "header", key: "rsc" }],
    },
    { source: "/", has: [{ type: "query", key: "q" }], missing: [{ type: "header", key: "rsc" }] },
    {
      source: "/",
      has: [{ type: "query", key: "sort" }],
      missing: [{ type: "header", key: "rsc" }],
    },
    {
      source: "/",
      has: [{ type: "query", key: "asOf" }],
      missing: [{ type: "header", key: "rsc" }],
    },
    // A status or sort of the list's own is a cached view (next.config.js); another value
    // (which the list reads as none) is rendered per request, so it needs a nonce.
    {
      source: "/events/:slug",
      has: [{ type: "query", key: "status", value: "(?!(?:confirmed|reported|declined)$).*" }],
      missing: [{ type: "header", key: "rsc" }],
    },
    {
      source: "/events/:slug",
      has: [{ type: "query", key: "q" }],
      missing: [{ type: "header", key: "rsc" }],
    },
    {
      source: "/events/:slug",
      has: [{ type: "query", key: "sort", value: "(?!(?:name|status|country)$).*" }],
      missing: [{ type: "header", key: "rsc" }],
    },
    {
      source: "/events/:slug",
      has: [{ type: "query", key: "asOf" }],
      missing: [{ type: "header", key: "rsc" }],
    },
  ],
};
