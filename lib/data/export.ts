import "server-only";
import { db } from "@/lib/db";
import { searchKey } from "@/lib/text/search-key";
import type { AttendanceQuery } from "@/lib/validation/attendance-query";
import type { AttendanceDTO, EventDTO } from "./dto";
import { entriesAsOf } from "./attendance";
import { attendanceInclude, toAttendanceDTO } from "./mappers";

/** An entry with the event it belongs to, as the exports write it. */
export type ExportEntryDTO = AttendanceDTO & { event: Pick<EventDTO, "slug"> };

/**
 * Entries read per batch, in five queries (entries, then their leaders, events, citations and
 * sources by id). Prisma allows 999 bound values per SQLite query and does not split the
 * relation queries, so a batch must stay below that.
 */
export const EXPORT_BATCH_SIZE = 500;

/**
 * Every entry of every event that matches the query's status and search, in ascending entry
 * id order (the order they were created), read `batchSize` at a time with keyset paging on the
 * primary key, so memory stays flat and the first rows are ready after one batch. The sort of
 * the query is not applied: sorting needs every row first.
 *
 * Batches are separate reads, not one snapshot: an entry changed during a long export shows
 * as it was when its batch was read; none is skipped or repeated.
 */
export async function* listAllAttendanceForExport(
  query: Pick<AttendanceQuery, "status" | "q" | "asOf">,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<ExportEntryDTO> {
  if (query.asOf) {
    yield* listAllAttendanceAsOfForExport({ ...query, asOf: query.asOf }, batchSize);
    return;
  }
  const filter = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.q ? { leader: { searchText: { contains: searchKey(query.q) } } } : {}),
  };
  let afterId = 0;
  for (;;) {
    const rows = await db.attendance.findMany({
      where: { ...filter, id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: batchSize,
      include: { ...attendanceInclude, event: { select: { slug: true } } },
    });
    for (const row of rows) {
      yield { ...toAttendanceDTO(row), event: { slug: row.event.slug } };
    }
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    afterId = last.id;
  }
}

/**
 * The same, as the story stood at the end of `query.asOf` (see entriesAsOf): the status
 * filter applies to the status in force then, so it is applied after the story is read.
 */
async function* listAllAttendanceAsOfForExport(
  query: Pick<AttendanceQuery, "status" | "q"> & { asOf: string },
  batchSize: number,
): AsyncGenerator<ExportEntryDTO> {
  const filter = query.q ? { leader: { searchText: { contains: searchKey(query.q) } } } : {};
  // Steps are one more relation per batch; keep the batch within the bound-value limit.
  const size = Math.min(batchSize, Math.floor(EXPORT_BATCH_SIZE / 2));
  let afterId = 0;
  for (;;) {
    const rows = await db.attendance.findMany({
      where: { ...filter, id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: size,
      include: { ...attendanceInclude, steps: true, event: { select: { slug: true } } },
    });
    for (const { row, entry } of await entriesAsOf(rows, query.asOf)) {
      if (query.status && entry.status !== query.status) continue;
      yield { ...entry, event: { slug: row.event.slug } };
    }
    const last = rows.at(-1);
    if (!last || rows.length < size) return;
    afterId = last.id;
  }
}
