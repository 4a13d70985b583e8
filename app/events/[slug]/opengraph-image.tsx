import {
  eventShareImage,
  noShareImage,
  shareImageAlt,
  shareImageSize,
} from "@/components/event-share-image";
import { countAttendanceByStatus } from "@/lib/data/attendance";
import { pageCacheControl } from "@/lib/env";
import { getEventBySlug } from "@/lib/data/events";

export const alt = shareImageAlt;
export const size = shareImageSize;
export const contentType = "image/png";

/**
 * Served from the page cache like the event's list, and revalidated with it by every edit of
 * the event or its entries (eventListPaths in lib/cache/cached-routes.mjs): rendered on first
 * request, not at build (the build has no database).
 */
export async function generateStaticParams() {
  return [];
}

// As the list: its phase (before, during, after the event) changes with the date too.
export const revalidate = 3600;

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const event = await getEventBySlug((await params).slug);
  if (!event) return noShareImage();
  const counts = await countAttendanceByStatus(event.id);
  return eventShareImage({ event, counts }, pageCacheControl());
}
