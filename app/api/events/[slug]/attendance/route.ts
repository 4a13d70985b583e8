import { eventAttendanceResponse } from "@/lib/api/event-attendance";
import { jsonError } from "@/lib/api/json";
import { renamedEventRedirect } from "@/lib/api/renamed";
import { parseAttendanceQuery } from "@/lib/validation/attendance-query";
import { parsePageQuery } from "@/lib/validation/page";

// Answered per request when it asks for a search, a day or a page past the first; the first
// page by status and sort is cached (./view, which next.config.js rewrites those to).
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const searchParams = new URL(request.url).searchParams;
  const paging = parsePageQuery(searchParams);
  if (!paging.ok) return jsonError(400, paging.message);
  return eventAttendanceResponse(slug, parseAttendanceQuery(searchParams), paging.page, (to) =>
    renamedEventRedirect(request, slug, to),
  );
}
