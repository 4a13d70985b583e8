import { connection } from "next/server";
import { eventShareImage, shareImageAlt, shareImageSize } from "@/components/event-share-image";
import { emptyCounts } from "@/lib/attendance/counts";
import { countAttendanceByStatus } from "@/lib/data/attendance";
import { pageCacheControl } from "@/lib/env";
import { getFeaturedEvent } from "@/lib/data/events";

export const alt = shareImageAlt;
export const size = shareImageSize;
export const contentType = "image/png";

/** The home page's preview (and the site's default): the featured event. */
export default async function Image() {
  await connection();
  const event = await getFeaturedEvent();
  const counts = event ? await countAttendanceByStatus(event.id) : emptyCounts();
  return eventShareImage({ event, counts }, pageCacheControl());
}
