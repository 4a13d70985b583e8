import { atomFeed, type AtomFeedInput } from "@/lib/feed/atom";

/**
 * An Atom document as a response. Its Cache-Control is the page cache's to set (the configured
 * one, as for the lists: lib/cache/page-cache.mjs), like every cached route's.
 */
export function atomFeedResponse(input: AtomFeedInput): Response {
  return new Response(atomFeed(input), {
    headers: { "content-type": "application/atom+xml; charset=utf-8" },
  });
}
