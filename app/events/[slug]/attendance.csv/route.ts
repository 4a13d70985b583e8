import { attendanceCsvResponse, textError } from "@/lib/api/csv-export";
import { requestOrigin } from "@/lib/api/origin";
import { renamedEventRedirect } from "@/lib/api/renamed";
import { attachStories, listAttendance } from "@/lib/data/attendance";
import { getEventBySlug, getRenamedEventSlug } from "@/lib/data/events";
import { parseAttendanceQuery } from "@/lib/validation/attendance-query";
import { parseExportOptions } from "@/lib/validation/export";

/**
 * The event's list as CSV, filtered, searched and sorted like the page. An event has at most
 * a few hundred entries, so they are read at once (and sorted like the page) and then streamed.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const url = new URL(request.url);
  const parsed = parseExportOptions(url.searchParams);
  if (!parsed.ok) return textError(400, parsed.message);
  const event = await getEventBySlug(slug);
  if (!event) {
    const renamed = await getRenamedEventSlug(slug);
    if (renamed) return renamedEventRedirect(request, slug, renamed);
    return textError(404, `No event with the slug "${slug}".`);
  }
  const query = parseAttendanceQuery(url.searchParams);
  const entries = await listAttendance(event.id, query);
  if (parsed.options.format === "long") await attachStories(entries, query.day);
  return attendanceCsvResponse([entries.map((entry) => ({ ...entry, event }))], {
    ...parsed.options,
    origin: requestOrigin(request),
    name: event.slug,
    query,
  });
}
