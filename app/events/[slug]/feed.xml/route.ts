import { atomFeedResponse } from "@/lib/api/atom-response";
import { getEventFeed } from "@/lib/data/feeds";
import { getRenamedEventSlug } from "@/lib/data/events";
import { siteUrl } from "@/lib/env";
import { formatDayRange } from "@/lib/text/format-day";

type Params = { params: Promise<{ slug: string }> };

/**
 * An event's story as an Atom feed: the same for every reader, so rendered once and kept in
 * the page cache like the event's list, until an edit of the event revalidates it
 * (eventListPaths in lib/cache/cached-routes.mjs).
 */
export const dynamic = "force-static";

export async function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: Params) {
  const { slug } = await params;
  const feed = await getEventFeed(slug);
  if (!feed?.event) {
    const renamed = await getRenamedEventSlug(slug);
    if (renamed) {
      return new Response(null, {
        status: 308,
        headers: { Location: `/events/${encodeURIComponent(renamed)}/feed.xml` },
      });
    }
    return new Response("No such event.\n", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const { event } = feed;
  return atomFeedResponse({
    site: siteUrl().replace(/\/+$/, ""),
    self: `/events/${event.slug}/feed.xml`,
    page: `/events/${event.slug}`,
    title: `${event.name}: who attends (Rollcall)`,
    subtitle: `Every status recorded, changed or removed for the ${event.name} (${event.place}, ${formatDayRange(event.date, event.endDate)}), with its quote.`,
    items: feed.items,
    liveEntries: feed.liveEntries,
    fallbackUpdated: new Date(`${event.date}T00:00:00Z`),
  });
}
