import { z } from "zod";
import {
  ATTENDANCE_STATUSES,
  isAttendanceStatus,
  SORT_KEYS,
  type SortKey,
} from "@/lib/attendance/status";

/**
 * Of a repeated parameter, the last value: the one next.config.js's rewrites match when they
 * choose the cached view of a status or sort, so both read `?status=a&status=b` alike.
 */
const lastValue = (value: unknown) => (Array.isArray(value) ? value.at(-1) : value);
const optionalText = (max: number) =>
  z.preprocess((value) => {
    const v = lastValue(value);
    return typeof v === "string" && v.trim() !== "" ? v.trim().slice(0, max) : undefined;
  }, z.string().optional());

/**
 * The list's filter, search and sort, as they come from a URL. Shared by the list page, the
 * exports and the API so all three show the same entries. Unknown values fall back to "all"
 * rather than failing: a hand-edited URL still shows a list.
 */
export const attendanceQuerySchema = z
  .object({
    status: z.preprocess(lastValue, z.enum(ATTENDANCE_STATUSES).optional().catch(undefined)),
    q: optionalText(200),
    sort: z.preprocess(lastValue, z.enum(SORT_KEYS).catch("name").default("name")),
    /** `?asOf=`: the list as the story stood at the end of this day (YYYY-MM-DD). */
    asOf: z.preprocess(
      lastValue,
      z.iso
        .date()
        .refine((v) => v >= "1900-01-01" && v <= "2200-12-31")
        .optional()
        .catch(undefined),
    ),
  })
  // In code the day a list is shown for is `day`: `asOf` is the date a step's source asserts.
  .transform(
    ({ asOf, ...query }) =>
      (asOf ? { ...query, day: asOf } : query) as typeof query & { day?: string },
  );

export type AttendanceQuery = z.infer<typeof attendanceQuerySchema>;

/** The whole list in its default order: what the cached pages show. */
export const UNFILTERED_QUERY: AttendanceQuery = { sort: "name" };

export function parseAttendanceQuery(
  params: Record<string, string | string[] | undefined> | URLSearchParams,
): AttendanceQuery {
  const record = params instanceof URLSearchParams ? Object.fromEntries(params) : params;
  return attendanceQuerySchema.parse(record);
}

/** The query as URL parameters, leaving out defaults, for links that keep the filters. */
export function attendanceQueryToSearchParams(query: Partial<AttendanceQuery>) {
  const params = new URLSearchParams();
  if (query.status) params.set("status", query.status);
  if (query.q) params.set("q", query.q);
  if (query.sort && query.sort !== "name") params.set("sort", query.sort);
  if (query.day) params.set("asOf", query.day);
  return params;
}

/**
 * The query of a cached view of the list (app/events/[slug]/view/<status>/<sort> and the API's
 * own): a status or "all", and a sort; null for any other path.
 */
export function parseListView(status: string, sort: string): AttendanceQuery | null {
  if (status !== "all" && !isAttendanceStatus(status)) return null;
  if (!(SORT_KEYS as readonly string[]).includes(sort)) return null;
  return { ...(isAttendanceStatus(status) ? { status } : {}), sort: sort as SortKey };
}
