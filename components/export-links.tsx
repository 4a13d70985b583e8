import {
  attendanceQueryToSearchParams,
  type AttendanceQuery,
} from "@/lib/validation/attendance-query";

export type ExportLinksProps = { slug: string; query: AttendanceQuery };

const linkClass = "text-blue-800 underline dark:text-blue-300";

/**
 * Download links for the list as shown: they carry the current filter, search and sort; a
 * filtered list also offers the full one. Plain links to the CSV route, so they work without
 * JavaScript. The route names each file for what it holds.
 */
export function ExportLinks({ slug, query }: ExportLinksProps) {
  const filtered = Boolean(query.status || query.q);
  const href = (extra: Record<string, string>, from: Partial<AttendanceQuery> = query) => {
    const params = attendanceQueryToSearchParams(from);
    for (const [key, value] of Object.entries(extra)) params.set(key, value);
    const search = params.toString();
    return `/events/${encodeURIComponent(slug)}/attendance.csv${search ? `?${search}` : ""}`;
  };
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      <span className="text-slate-700 dark:text-slate-300">Download this list:</span>
      <a href={href({})} className={linkClass}>
        Export CSV
      </a>
      <a href={href({ bom: "1" })} className={linkClass}>
        Export for Excel
      </a>
      {filtered && (
        <a href={href({}, { sort: query.sort, day: query.day })} className={linkClass}>
          Export the full list
        </a>
      )}
    </p>
  );
}
