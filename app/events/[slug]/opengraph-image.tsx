import { notFound } from "next/navigation";
import { connection } from "next/server";
import { eventShareImage, shareImageAlt, shareImageSize } from "@/components/event-share-image";
import { countAttendanceByStatus } from "@/lib/data/attendance";
import { pageCacheControl } from "@/lib/env";
import { getEventBySlug } from "@/lib/data/events";

export const alt = shareImageAlt;
export const size = shareImageSize;
export const contentType = "image/png";

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  // Read per request (the counts change when an editor changes an entry); drawn once for each
  // state of the event (eventShareImage).
  await connection();
  const event = await getEventBySlug((await params).slug);
  if (!event) notFound();
  const counts = await countAttendanceByStatus(event.id);
  return eventShareImage({ event, counts }, pageCacheControl());
}
