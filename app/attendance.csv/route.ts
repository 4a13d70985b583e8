import { attendanceCsvResponse, textError } from "@/lib/api/csv-export";
import { requestOrigin } from "@/lib/api/origin";
import { listAllAttendanceForExport } from "@/lib/data/export";
import { parseAttendanceQuery } from "@/lib/validation/attendance-query";
import { parseExportOptions } from "@/lib/validation/export";

/** Every event's entries as CSV, streamed from the database in entry id order. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const parsed = parseExportOptions(url.searchParams);
  if (!parsed.ok) return textError(400, parsed.message);
  const query = parseAttendanceQuery(url.searchParams);
  const entries = listAllAttendanceForExport({
    ...query,
    story: parsed.options.format === "long",
  });
  return attendanceCsvResponse(entries, {
    ...parsed.options,
    origin: requestOrigin(request),
    name: "all-events",
    query,
  });
}
