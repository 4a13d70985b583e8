import "server-only";
import { revalidatePath } from "next/cache";
import { ATTENDANCE_STATUSES, SORT_KEYS } from "@/lib/attendance/status";
import { getFeaturedEvent } from "@/lib/data/events";

/**
 * Every cached route that shows an event's list: the page, its views by status and sort
 * (app/events/[slug]/view, which next.config.js rewrites `?status=` and `?sort=` to) and the
 * JSON API's (app/api/events/[slug]/attendance/view) and its Atom feed, each by the path it is cached under (the
 * page cache tags a route handler's answer with it too: Next tags it with the path asked for).
 */
export function eventListPaths(slug: string): string[] {
  const views = ["all", ...ATTENDANCE_STATUSES].flatMap((status) =>
    SORT_KEYS.map((sort) => `${status}/${sort}`),
  );
  return [
    `/events/${slug}`,
    ...views.map((view) => `/events/${slug}/view/${view}`),
    ...views.map((view) => `/api/events/${slug}/attendance/view/${view}`),
    `/events/${slug}/feed.xml`,
    // Its searches and days, by the one tag the page cache gives them all.
    `/events/${slug}/query`,
    // The pictures a shared link to it previews with: its counts.
    `/events/${slug}/opengraph-image`,
    `/events/${slug}/twitter-image`,
  ];
}

const revalidateEventList = (slug: string) =>
  eventListPaths(slug).forEach((p) => revalidatePath(p));

/**
 * The public records a write changed (from the data layer's result: ChangedEntry, ChangedStep,
 * ChangedByMerge…): the events whose lists show them, the entries, the sources cited.
 */
export type ChangedRecords = {
  eventSlugs?: (string | undefined)[];
  attendanceIds?: number[];
  sourceIds?: number[];
};

/**
 * Makes the public pages of the records a write changed show it at once, and nothing else: the
 * list pages of the events involved, the home page only when one of them is the featured event,
 * the entry pages and the source pages whose highlights changed. The paths are the cached
 * routes' own (next.config.js rewrites "/" to /home/all), an event's lists under every view
 * (eventListPaths); a search or a day is never cached.
 */
export async function revalidatePublicPages(changed: ChangedRecords) {
  const eventSlugs = new Set(changed.eventSlugs?.filter((slug) => slug !== undefined));
  const featured = await getFeaturedEvent();
  if (featured && eventSlugs.has(featured.slug)) revalidatePath("/home/all");
  for (const slug of eventSlugs) revalidateEventList(slug);
  // The site's feed (/feed.xml, cached as /feeds/all) tells every event's story.
  revalidatePath("/feeds/all");
  for (const id of new Set(changed.attendanceIds ?? [])) revalidatePath(`/attendance/${id}`);
  for (const id of new Set(changed.sourceIds ?? [])) revalidatePath(`/sources/${id}`);
  revalidatePath("/changes");
}

/**
 * After a change of an event itself (create, edit, slug, delete, pin): its pages under every
 * address it has had (a former one now redirects), and the home page, whose choice of event
 * may have changed with a date or a pin.
 */
export function revalidateEventPages(slugs: string[]) {
  for (const slug of new Set(slugs)) revalidateEventList(slug);
  revalidatePath("/home/all");
  revalidatePath("/feeds/all");
  revalidatePath("/changes");
}
