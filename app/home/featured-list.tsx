import { EventView } from "@/components/event-view";
import { NoEvents } from "@/components/no-events";
import { getEventView } from "@/lib/data/attendance";
import { getFeaturedChoice } from "@/lib/data/events";
import type { AttendanceQuery } from "@/lib/validation/attendance-query";

/**
 * The home page: the featured event's list as a query asks, and why it is featured, for the
 * cached views (./view, ./query) and the page rendered per request (app/page.tsx).
 */
export async function FeaturedList({
  query,
  editor = false,
}: {
  query: AttendanceQuery;
  editor?: boolean;
}) {
  const featured = await getFeaturedChoice();
  const view = featured ? await getEventView(featured.event.slug, query) : null;
  if (!view || !featured) return <NoEvents />;
  return <EventView {...view} query={query} path="/" featured={featured.rule} editor={editor} />;
}
