import "server-only";
import { revalidatePath } from "next/cache";
import { getFeaturedEvent } from "@/lib/data/events";

/**
 * Makes the public pages a change touches show it at once, and nothing else: the list pages of
 * the events involved, the home page only when one of them is the featured event, the entry
 * pages and the source pages whose highlights changed. The paths are the cached routes' own
 * (next.config.js rewrites "/" to /home/all); filtered lists are never cached.
 */
export async function revalidatePublicPages(touched: {
  eventSlugs?: (string | undefined)[];
  attendanceIds?: number[];
  sourceIds?: number[];
}) {
  const eventSlugs = new Set(touched.eventSlugs?.filter((slug) => slug !== undefined));
  const featured = await getFeaturedEvent();
  if (featured && eventSlugs.has(featured.slug)) revalidatePath("/home/all");
  for (const slug of eventSlugs) revalidatePath(`/events/${slug}`);
  for (const id of new Set(touched.attendanceIds ?? [])) revalidatePath(`/attendance/${id}`);
  for (const id of new Set(touched.sourceIds ?? [])) revalidatePath(`/sources/${id}`);
  revalidatePath("/changes");
}

/**
 * After a change of an event itself (create, edit, slug, delete, pin): its pages under every
 * address it has had (a former one now redirects), and the home page, whose choice of event
 * may have changed with a date or a pin.
 */
export function revalidateEventPages(slugs: string[]) {
  for (const slug of new Set(slugs)) revalidatePath(`/events/${slug}`);
  revalidatePath("/home/all");
  revalidatePath("/changes");
}
