import { notFound, permanentRedirect } from "next/navigation";
import { EventView } from "@/components/event-view";
import { getEventView } from "@/lib/data/attendance";
import { getRenamedEventSlug } from "@/lib/data/events";
import type { AttendanceQuery } from "@/lib/validation/attendance-query";

/**
 * An event's list as a query asks, for the pages that show it filtered or sorted: the cached
 * views (./view, one per status and sort) and the page rendered per request (./per-request).
 * `search` is the query string a former address keeps when it redirects to the current one.
 */
export async function EventList({
  slug,
  query,
  search,
  editor = false,
}: {
  slug: string;
  query: AttendanceQuery;
  search: URLSearchParams;
  editor?: boolean;
}) {
  const view = await getEventView(slug, query);
  if (!view) {
    const renamed = await getRenamedEventSlug(slug);
    if (renamed) permanentRedirect(`/events/${renamed}${search.size ? `?${search}` : ""}`);
    notFound();
  }
  return <EventView {...view} query={query} path={`/events/${view.event.slug}`} editor={editor} />;
}
