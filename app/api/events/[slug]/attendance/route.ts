import { encodeOffsetCursor } from "@/lib/api/cursor";
import { attendanceToJson, eventToJson, jsonError } from "@/lib/api/json";
import { renamedEventRedirect } from "@/lib/api/renamed";
import { attachStories, getEventAttendance } from "@/lib/data/attendance";
import { getRenamedEventSlug } from "@/lib/data/events";
import { parseAttendanceQuery } from "@/lib/validation/attendance-query";
import { parsePageQuery } from "@/lib/validation/page";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const searchParams = new URL(request.url).searchParams;
  const paging = parsePageQuery(searchParams);
  if (!paging.ok) return jsonError(400, paging.message);
  const query = parseAttendanceQuery(searchParams);
  const view = await getEventAttendance(slug, query);
  if (!view) {
    const renamed = await getRenamedEventSlug(slug);
    if (renamed) return renamedEventRedirect(request, slug, renamed);
    return jsonError(404, `No event with the slug "${slug}".`);
  }

  // The list is sorted in JavaScript (like the page), so a page is a slice of it and the
  // cursor an offset: fine for one event's few hundred entries. Entries added or removed
  // between two requests can shift a page by that many rows.
  const { limit, offset } = paging.page;
  const end = offset + limit;
  return Response.json({
    event: eventToJson(view.event),
    counts: view.counts,
    entries: (await attachStories(view.entries.slice(offset, end), query.day)).map(
      attendanceToJson,
    ),
    nextCursor: end < view.entries.length ? encodeOffsetCursor(end) : null,
  });
}
