import "server-only";
import { revalidatePath } from "next/cache";

/**
 * Makes the public pages a change touches show it at once: the list pages of the events
 * involved, the entry pages and the source pages whose highlights changed. Nothing else.
 */
export function revalidatePublicPages(touched: {
  eventSlugs?: (string | undefined)[];
  attendanceIds?: number[];
  sourceIds?: number[];
}) {
  revalidatePath("/");
  for (const slug of new Set(touched.eventSlugs ?? [])) if (slug) revalidatePath(`/events/${slug}`);
  for (const id of new Set(touched.attendanceIds ?? [])) revalidatePath(`/attendance/${id}`);
  for (const id of new Set(touched.sourceIds ?? [])) revalidatePath(`/sources/${id}`);
  revalidatePath("/changes");
}
