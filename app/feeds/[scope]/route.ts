import { atomFeedResponse } from "@/lib/api/atom-response";
import { getSiteFeed } from "@/lib/data/feeds";
import { siteUrl } from "@/lib/env";

type Params = { params: Promise<{ scope: string }> };

/**
 * `/feed.xml`, rewritten here (next.config.js) so that it is rendered on first request rather
 * than at build (the build has no database), then kept in the page cache until any edit of an
 * entry revalidates `/feeds/all` (lib/actions/revalidate.ts). `all` is the only scope.
 */
export const dynamic = "force-static";

export async function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: Params) {
  if ((await params).scope !== "all") {
    return new Response("No such feed.\n", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const feed = await getSiteFeed();
  return atomFeedResponse({
    site: siteUrl().replace(/\/+$/, ""),
    self: "/feed.xml",
    page: "/events",
    title: "Rollcall: who attends, every event",
    subtitle: "Every status recorded, changed or removed on Rollcall, with its quote.",
    items: feed.items,
    liveEntries: feed.liveEntries,
    fallbackUpdated: new Date(0),
  });
}
