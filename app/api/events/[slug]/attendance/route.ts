import { attendanceToJson, eventToJson, jsonError } from "@/lib/api/json";
import { getEventAttendance } from "@/lib/data/attendance";
import { parseAttendanceQuery } from "@/lib/validation/attendance-query";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const query = parseAttendanceQuery(new URL(request.url).searchParams);
  const view = await getEventAttendance(slug, query);
  if (!view) return jsonError(404, `No event with the slug "${slug}".`);
  return Response.json({
    event: eventToJson(view.event),
    counts: view.counts,
    entries: view.entries.map(attendanceToJson),
  });
}
