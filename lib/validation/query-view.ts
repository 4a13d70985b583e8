import {
  attendanceQueryToSearchParams,
  parseAttendanceQuery,
  type AttendanceQuery,
} from "./attendance-query";

/**
 * A search or a day of an event's list as one path segment, for the page that serves it from
 * the cache (app/events/[slug]/query/[query]): the query's parameters in their one order, with
 * defaults left out (attendanceQueryToSearchParams), as base64url. So every spelling of the
 * same query (another order, a repeated or empty parameter, an unknown status) is one segment,
 * one cache entry, and any search, in any script, is one ASCII segment.
 */
export function queryViewSegment(query: AttendanceQuery): string {
  return Buffer.from(attendanceQueryToSearchParams(query).toString(), "utf8").toString("base64url");
}

/** The longest segment the page cache stores (lib/cache/page-cache.mjs, isStorableKey). */
const MAX_SEGMENT = 200;

/**
 * The segment of a request's query when it is a search or a day the cache can keep, else
 * null: no search and no day (a status or a sort alone has views of its own), or a search too
 * long for one segment (rendered per request).
 */
export function queryViewOf(search: URLSearchParams): string | null {
  const query = parseAttendanceQuery(search);
  if (!query.q && !query.day) return null;
  const segment = queryViewSegment(query);
  return segment.length <= MAX_SEGMENT ? segment : null;
}

/** The query a segment names, or null when it is not one queryViewSegment makes. */
export function parseQueryView(segment: string): AttendanceQuery | null {
  if (segment.length > MAX_SEGMENT || !/^[A-Za-z0-9_-]+$/.test(segment)) return null;
  const query = parseAttendanceQuery(
    new URLSearchParams(Buffer.from(segment, "base64url").toString("utf8")),
  );
  if (!query.q && !query.day) return null;
  return queryViewSegment(query) === segment ? query : null;
}

/** An embed's state: a status and a day (it keeps the list's default order, and no search). */
export type EmbedView = { status?: AttendanceQuery["status"]; day?: string };

/**
 * An embed's state as one path segment, for the page that serves it from the cache
 * (app/embed/events/[slug]/view/[view]): `all` for none, else as queryViewSegment.
 */
export function embedViewSegment({ status, day }: EmbedView): string {
  const search = attendanceQueryToSearchParams({ sort: "name", status, day }).toString();
  return search ? Buffer.from(search, "utf8").toString("base64url") : "all";
}

/** The embed's state a request asks for: its status and its day, as the embed reads them. */
export function embedViewOf(search: URLSearchParams): string {
  const { status, day } = parseAttendanceQuery({
    status: search.getAll("status"),
    asOf: search.getAll("asOf"),
  });
  return embedViewSegment({ status, day });
}

/** The state a segment names, or null when it is not one embedViewSegment makes. */
export function parseEmbedView(segment: string): EmbedView | null {
  if (segment === "all") return {};
  if (segment.length > MAX_SEGMENT || !/^[A-Za-z0-9_-]+$/.test(segment)) return null;
  const search = new URLSearchParams(Buffer.from(segment, "base64url").toString("utf8"));
  const view = embedViewOf(search);
  if (view !== segment || search.has("q") || search.has("sort")) return null;
  const { status, day } = parseAttendanceQuery(search);
  return { ...(status ? { status } : {}), ...(day ? { day } : {}) };
}
