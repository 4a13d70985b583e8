import { NextResponse, type NextRequest } from "next/server";
import { pagePolicy } from "@/lib/security/content-security-policy.mjs";

/**
 * Pages rendered per request get a script policy with a fresh nonce, which Next reads from the
 * request's Content-Security-Policy and puts on its own inline scripts. Cached pages never come
 * here (see the matcher): a nonce would be stored with them. Theirs names their scripts by
 * hash instead (lib/cache/page-cache.mjs).
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = pagePolicy([`'nonce-${nonce}'`]);
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

/**
 * Every page rendered per request, by the path it is asked for (rewrites come after the
 * proxy): the lists with a filter, the entry and source pages, the changes, the events list,
 * sign-in and the admin. tests/reliability/csp.spec.ts fails for a page left out.
 */
export const config = {
  matcher: [
    "/admin",
    "/admin/:path*",
    "/sign-in",
    "/changes",
    "/events",
    "/events/:slug/filtered",
    "/attendance/:id",
    "/sources/:id",
    { source: "/", has: [{ type: "query", key: "status" }] },
    { source: "/", has: [{ type: "query", key: "q" }] },
    { source: "/", has: [{ type: "query", key: "sort" }] },
    { source: "/", has: [{ type: "query", key: "asOf" }] },
    { source: "/events/:slug", has: [{ type: "query", key: "status" }] },
    { source: "/events/:slug", has: [{ type: "query", key: "q" }] },
    { source: "/events/:slug", has: [{ type: "query", key: "sort" }] },
    { source: "/events/:slug", has: [{ type: "query", key: "asOf" }] },
  ],
};
