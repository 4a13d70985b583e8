import { eventShareImage } from "@/components/event-share-image";
import { emptyCounts } from "@/lib/attendance/counts";
import { countAttendanceByStatus } from "@/lib/data/attendance";
import { getFeaturedEvent } from "@/lib/data/events";
import { pageCacheControl } from "@/lib/env";

/** The site's share picture: the featured event's, as the home page shows it, with its counts. */
export async function featuredEventShareImage(): Promise<Response> {
  const event = await getFeaturedEvent();
  const counts = event ? await countAttendanceByStatus(event.id) : emptyCounts();
  return eventShareImage({ event, counts }, pageCacheControl());
}
