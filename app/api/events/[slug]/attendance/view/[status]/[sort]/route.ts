import { eventAttendanceResponse } from "@/lib/api/event-attendance";
import { jsonError } from "@/lib/api/json";
import { attendanceQueryToSearchParams, parseListView } from "@/lib/validation/attendance-query";
import { parsePageQuery } from "@/lib/validation/page";

type Params = { params: Promise<{ slug: string; status: string; sort: string }> };

/**
 * `/api/events/<slug>/attendance`, bare or with `?status=` or `?sort=` only (rewrites in
 * next.config.js): the first page of the list by status ("all" for every one) and sort is the
 * same for every client, so it is rendered once and kept in the page cache like the event's
 * pages, until an edit of the event revalidates it (lib/actions/revalidate.ts).
 */
export const dynamic = "force-static";

export async function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: Params) {
  const { slug, status, sort } = await params;
  const query = parseListView(status, sort);
  if (!query) return jsonError(404, "No such view of the list.");
  const page = parsePageQuery(new URLSearchParams());
  if (!page.ok) throw new Error(page.message);
  const search = attendanceQueryToSearchParams(query);
  return eventAttendanceResponse(
    slug,
    query,
    page.page,
    (to) =>
      // A former address: the public one of the event's current slug, with the same view.
      new Response(null, {
        status: 308,
        headers: {
          Location: `/api/events/${encodeURIComponent(to)}/attendance${search.size ? `?${search}` : ""}`,
        },
      }),
  );
}
