import { NextResponse, type NextRequest } from "next/server";

/**
 * A POST to a page (how a server action is called) from another origin answers 403 here.
 * Next.js refuses such a server action itself, but with a 500, as if the server had failed
 * (it throws from its action handler and offers no hook to answer otherwise). This is the
 * same rule, applied first: the Origin's host must be the host the request was sent to, as
 * Next compares them (X-Forwarded-Host, else Host); `Origin: null` never is.
 */
export function proxy(request: NextRequest) {
  if (request.method !== "POST") return NextResponse.next();
  const origin = request.headers.get("origin");
  const host =
    request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin && origin !== "null" ? new URL(origin).host : null;
  } catch {
    // an Origin that is not a URL is as good as none
  }
  if (originHost && originHost === host) return NextResponse.next();
  return new NextResponse("This request came from another site, so it was refused.\n", {
    status: 403,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

export const config = {
  // Only requests that carry an Origin reach this: browsers send none when they load a page,
  // so no reader's request, cached pages included, runs any of it. Route handlers under
  // /api check the Origin themselves (Better Auth answers 403 too).
  matcher: [{ source: "/((?!api/|_next/).*)", has: [{ type: "header", key: "origin" }] }],
};
