import "server-only";
import { db } from "@/lib/db";
import { compareEntries, type AttendanceStatus } from "@/lib/attendance/status";
import { stepAsOf } from "@/lib/history/as-of";
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

/** An event's entries, filtered, searched and sorted as the query says (and as of its date). */
export async function listAttendance(
  eventId: number,
  query: AttendanceQuery,
): Promise<AttendanceDTO[]> {
  if (query.asOf) {
    const entries = await listAttendanceAsOf(eventId, query.asOf, query.q);
    return entries
      .filter((e) => !query.status || e.status === query.status)
      .sort(compareEntries(query.sort));
  }
  const rows = await db.attendance.findMany({
    where: whereForQuery(eventId, query),
    include: attendanceInclude,
  });
  return rows.map(toAttendanceDTO).sort(compareEntries(query.sort));
}

/** How many entries of an event have each status (ignoring any filter). */
export async function countAttendanceByStatus(eventId: number): Promise<StatusCounts> {
  const groups = await db.attendance.groupBy({
    by: ["status"],
    where: { eventId },
    _count: { _all: true },
  });
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

type RowWithSteps = Parameters<typeof toAttendanceDTO>[0] & {
  steps: {
    id: number;
    status: AttendanceStatus;
    asOf: Date | null;
    recordedAt: Date;
    citations: string;
  }[];
};

/**
 * Entries as the story stood at the end of `day`: each entry's latest status with an as-of
 * date on or before it (undated steps count from the day they were recorded), with the
 * citations that supported it then. Entries with no status yet by then are left out.
 * Shared by the list and the exports.
 */
export async function entriesAsOf<T extends RowWithSteps>(
  rows: T[],
  day: string,
): Promise<{ row: T; entry: AttendanceDTO }[]> {
  const sourceIds = new Set<number>();
  const picked = rows.flatMap((row) => {
    const steps = row.steps.map((s) => ({
      id: s.id,
      status: s.status,
      asOf: s.asOf ? s.asOf.toISOString().slice(0, 10) : null,
      recordedAt: s.recordedAt.toISOString(),
      citations: s.citations,
    }));
    const step = stepAsOf(steps, day);
    if (!step) return [];
    const cited = JSON.parse(step.citations) as {
      sourceId: number;
      quote: string;
      start: number;
      end: number;
    }[];
    for (const c of cited) sourceIds.add(c.sourceId);
    return [{ row, step, cited }];
  });
  const sources = new Map(
    (
      await db.source.findMany({
        where: { id: { in: [...sourceIds] } },
        select: { id: true, title: true, publisher: true, url: true },
      })
    ).map((s) => [s.id, s]),
  );
  return picked.map(({ row, step, cited }) => {
    const dto = toAttendanceDTO(row);
    const entry: AttendanceDTO = {
      ...dto,
      status: step.status,
      asOf: step.asOf,
      citations: cited.flatMap((c, i) => {
        // The citation as stored now (its offsets may have moved with a source edit), else as then.
        const now = dto.citations.find((d) => d.source.id === c.sourceId && d.quote === c.quote);
        const source = sources.get(c.sourceId);
        if (now) return [now];
        return source
          ? [
              {
                id: -(i + 1),
                quote: c.quote,
                start: c.start,
                end: c.end,
                prefix: "",
                suffix: "",
                source,
              },
            ]
          : [];
      }),
    };
    return { row, entry };
  });
}

async function listAttendanceAsOf(
  eventId: number,
  day: string,
  q?: string,
): Promise<AttendanceDTO[]> {
  const rows = await db.attendance.findMany({
    where: whereForQuery(eventId, { q }),
    include: { ...attendanceInclude, steps: true },
  });
  return (await entriesAsOf(rows, day)).map(({ entry }) => entry);
}

/** Everything the event page, its API and its export show: the event, its counts and the list. */
export async function getEventAttendance(
  slug: string,
  query: AttendanceQuery,
): Promise<{ event: EventDTO; counts: StatusCounts; entries: AttendanceDTO[] } | null> {
  const eventRow = await db.event.findUnique({ where: { slug } });
  if (!eventRow) return null;
  if (query.asOf) {
    const all = await listAttendanceAsOf(eventRow.id, query.asOf);
    const counts = { confirmed: 0, reported: 0, declined: 0, total: all.length };
    for (const entry of all) counts[entry.status]++;
    return {
      event: toEventDTO(eventRow),
      counts,
      entries: await listAttendance(eventRow.id, query),
    };
  }
  const [counts, entries] = await Promise.all([
    countAttendanceByStatus(eventRow.id),
    listAttendance(eventRow.id, query),
  ]);
  return { event: toEventDTO(eventRow), counts, entries };
}

export type CitationInContextDTO = AttendanceDTO["citations"][number] & {
  before: string;
  after: string;
};

const CONTEXT_CHARS = 240;

/** One entry with each citation's surrounding text from its source, for the entry page. */
export async function getAttendanceInContext(
  id: number,
): Promise<
  (Omit<AttendanceDetailDTO, "citations"> & { citations: CitationInContextDTO[] }) | null
> {
  const entry = await getAttendance(id);
  if (!entry) return null;
  const sourceIds = [...new Set(entry.citations.map((c) => c.source.id))];
  const sources = await db.source.findMany({
    where: { id: { in: sourceIds } },
    select: { id: true, text: true },
  });
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
