import { notFound } from "next/navigation";
import { connection } from "next/server";
import { eventShareImage, shareImageAlt, shareImageSize } from "@/components/event-share-image";
import { countAttendanceByStatus } from "@/lib/data/attendance";
import { getEventBySlug } from "@/lib/data/events";

export const alt = shareImageAlt;
export const size = shareImageSize;
export const contentType = "image/png";

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  // Drawn per request: the counts change when an editor changes an entry.
  await connection();
  const event = await getEventBySlug((await params).slug);
  if (!event) notFound();
  return eventShareImage({ event, counts: await countAttendanceByStatus(event.id) });
}
