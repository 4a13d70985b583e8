import "server-only";
import { db } from "@/lib/db";
import { compareEntries } from "@/lib/attendance/status";
import { searchKey } from "@/lib/text/search-key";
import type { AttendanceQuery } from "@/lib/validation/attendance-query";
import type { AttendanceDTO, EventDTO, StatusCounts } from "./dto";
import { attendanceInclude, toAttendanceDTO, toEventDTO } from "./mappers";

function whereForQuery(eventId: number, query: Pick<AttendanceQuery, "status" | "q">) {
  return {
    eventId,
    ...(query.status ? { status: query.status } : {}),
    ...(query.q ? { leader: { searchText: { contains: searchKey(query.q) } } } : {}),
  };
}

/** An event's entries, filtered, searched and sorted as the query says. */
export async function listAttendance(eventId: number, query: AttendanceQuery): Promise<AttendanceDTO[]> {
  const rows = await db.attendance.findMany({
    where: whereForQuery(eventId, query),
    include: attendanceInclude,
  });
  return rows.map(toAttendanceDTO).sort(compareEntries(query.sort));
}

/** How many entries of an event have each status (ignoring any filter). */
export async function countAttendanceByStatus(eventId: number): Promise<StatusCounts> {
  const groups = await db.attendance.groupBy({ by: ["status"], where: { eventId }, _count: { _all: true } });
  const counts = { confirmed: 0, reported: 0, declined: 0, total: 0 };
  for (const group of groups) {
    counts[group.status] = group._count._all;
    counts.total += group._count._all;
  }
  return counts;
}

export type AttendanceDetailDTO = AttendanceDTO & { event: EventDTO };

export async function getAttendance(id: number): Promise<AttendanceDetailDTO | null> {
  const row = await db.attendance.findUnique({
    where: { id },
    include: { ...attendanceInclude, event: true },
  });
  return row ? { ...toAttendanceDTO(row), event: toEventDTO(row.event) } : null;
}



/** Everything the event page, its API and its export show: the event, its counts and the list. */
export async function getEventAttendance(
  slug: string,
  query: AttendanceQuery,
): Promise<{ event: EventDTO; counts: StatusCounts; entries: AttendanceDTO[] } | null> {
  const eventRow = await db.event.findUnique({ where: { slug } });
  if (!eventRow) return null;
  const [counts, entries] = await Promise.all([
    countAttendanceByStatus(eventRow.id),
    listAttendance(eventRow.id, query),
  ]);
  return { event: toEventDTO(eventRow), counts, entries };
}

export type CitationInContextDTO = AttendanceDTO["citations"][number] & { before: string; after: string };

const CONTEXT_CHARS = 240;

/** One entry with each citation's surrounding text from its source, for the entry page. */
export async function getAttendanceInContext(
  id: number,
): Promise<(Omit<AttendanceDetailDTO, "citations"> & { citations: CitationInContextDTO[] }) | null> {
  const entry = await getAttendance(id);
  if (!entry) return null;
  const sourceIds = [...new Set(entry.citations.map((c) => c.source.id))];
  const sources = await db.source.findMany({ where: { id: { in: sourceIds } }, select: { id: true, text: true } });
  const textById = new Map(sources.map((s) => [s.id, s.text]));
  return {
    ...entry,
    citations: entry.citations.map((citation) => {
      const text = textById.get(citation.source.id) ?? "";
      return {
        ...citation,
        before: text.slice(Math.max(0, citation.start - CONTEXT_CHARS), citation.start),
        after: text.slice(citation.end, citation.end + CONTEXT_CHARS),
      };
    }),
  };
}
