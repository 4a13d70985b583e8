/**
 * A permanent redirect from an event's former address to its current one, the rest of the
 * path and the query kept: `/api/events/old/attendance?q=x` → `/api/events/new/attendance?q=x`.
 * 308 like the pages' (Next's permanentRedirect); the Location is a path, which any client
 * resolves against the address it asked, behind a proxy too.
 */
export function renamedEventRedirect(request: Request, _from: string, to: string): Response {
  const url = new URL(request.url);
  const prefix = url.pathname.startsWith("/api/") ? "/api/events/" : "/events/";
  // The rest is what follows the slug's segment as it was sent (however it was encoded: the
  // slug `from` is the decoded one, whose length says nothing of the encoded path's).
  const afterPrefix = url.pathname.slice(prefix.length);
  const slash = afterPrefix.indexOf("/");
  const rest = slash < 0 ? "" : afterPrefix.slice(slash);
  return new Response(null, {
    status: 308,
    headers: { Location: `${prefix}${encodeURIComponent(to)}${rest}${url.search}` },
  });
}
