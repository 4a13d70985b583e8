import "server-only";
import { encodeOffsetCursor } from "@/lib/api/cursor";
import { attendanceToJson, eventToJson, jsonError } from "@/lib/api/json";
import { attachStories, getEventAttendance } from "@/lib/data/attendance";
import { getRenamedEventSlug } from "@/lib/data/events";
import type { AttendanceQuery } from "@/lib/validation/attendance-query";
import type { PageQuery } from "@/lib/validation/page";

/**
 * The attendance API's answer for one event, a query and a page of it: what
 * app/api/events/[slug]/attendance answers per request and its cached views (./view) once per
 * status and sort. `redirectTo` makes the address a former slug redirects to.
 */
export async function eventAttendanceResponse(
  slug: string,
  query: AttendanceQuery,
  page: PageQuery,
  redirectTo: (renamed: string) => Response,
): Promise<Response> {
  const view = await getEventAttendance(slug, query);
  if (!view) {
    const renamed = await getRenamedEventSlug(slug);
    if (renamed) return redirectTo(renamed);
    return jsonError(404, `No event with the slug "${slug}".`);
  }
  // The list is sorted in JavaScript (like the page), so a page is a slice of it and the
  // cursor an offset: fine for one event's few hundred entries. Entries added or removed
  // between two requests can shift a page by that many rows.
  const { limit, offset } = page;
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
