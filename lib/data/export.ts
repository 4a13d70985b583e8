import "server-only";
import { bulk } from "@/lib/db";
import type { AttendanceStatus } from "@/lib/attendance/status";
import { Prisma } from "@/lib/generated/prisma/client";
import { searchKey } from "@/lib/text/search-key";
import type { AttendanceQuery } from "@/lib/validation/attendance-query";
import type { AttendanceDTO, EventDTO } from "./dto";
import { entriesAsOf } from "./attendance";
import { toAttendanceDTO } from "./mappers";

/** An entry with the event it belongs to, as the exports write it. */
export type ExportEntryDTO = AttendanceDTO & { event: Pick<EventDTO, "slug"> };

/**
 * Entries read per batch, in two queries (the entries with their leader and event, then their
 * citations with their sources; for asOf a third, their steps), the later ones binding the
 * batch's ids. A batch stays in memory until it is written: what it allocates meanwhile (about
 * 4 MB for 500 entries) must stay well below V8's young generation (16 MB), or its rows are
 * moved to the old generation and the server grows. Each query costs a fraction of a
 * millisecond, a few percent of the export with 500.
 */
export const EXPORT_BATCH_SIZE = 500;

/**
 * Every entry of every event that matches the query's status and search, in ascending entry
 * id order (the order they were created), a batch at a time: up to `batchSize` entries read
 * with keyset paging on the primary key, so memory stays flat and the first rows are ready
 * after one batch. The sort of the query is not applied: sorting needs every row first.
 * Batches, not single entries: a step of an async iteration costs more than writing the entry.
 *
 * The search matches the leader's search key as a literal substring, as the list's does:
 * `%` and `_` in it are characters, not wildcards.
 *
 * Batches are separate reads, not one snapshot: an entry changed during a long export shows
 * as it was when its batch was read; none is skipped or repeated.
 */
export function listAllAttendanceForExport(
  query: Pick<AttendanceQuery, "status" | "q" | "asOf">,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncIterable<ExportEntryDTO[]> {
  if (query.asOf) return listAllAttendanceAsOfForExport({ ...query, asOf: query.asOf }, batchSize);
  const readBatch = entryBatchReader(query, batchSize);
  return batchesOf(async () => {
    const rows = await readBatch();
    return rows && rows.map(toExportEntryDTO);
  });
}

/**
 * The same, as the story stood at the end of `query.asOf` (see entriesAsOf): the status
 * filter applies to the status in force then, so it is applied after the story is read.
 * A batch may come out smaller than it was read, or empty.
 */
function listAllAttendanceAsOfForExport(
  query: Pick<AttendanceQuery, "status" | "q"> & { asOf: string },
  batchSize: number,
): AsyncIterable<ExportEntryDTO[]> {
  const readBatch = entryBatchReader({ q: query.q }, batchSize);
  return batchesOf(async () => {
    const rows = await readBatch();
    if (!rows) return null;
    const steps = await readSteps(rows.map((row) => row.id));
    const withSteps = rows.map((row) => ({ ...row, steps: steps.get(row.id) ?? [] }));
    const entries = await entriesAsOf(withSteps, query.asOf);
    return entries.flatMap(({ row, entry }) =>
      query.status && entry.status !== query.status ? [] : [{ ...entry, event: row.event }],
    );
  });
}

/**
 * The entry's DTO with its event. Not `{ ...toAttendanceDTO(row), event }`: in V8 (Node 20)
 * that spread leaves garbage in the old generation for every entry (the server grew by 45 MB
 * more over a 500,000-entry export) and takes twice as long.
 */
function toExportEntryDTO(row: ExportRow): ExportEntryDTO {
  return Object.assign(toAttendanceDTO(row), { event: row.event });
}

/**
 * The batches `read` gives until it gives null, as an async iterable. Not an async generator:
 * a suspended generator keeps all its variables, so the batch it yielded last, and the rows
 * it was made from, would stay in memory until the next batch is asked for, while the reader
 * takes the bytes: long enough to be moved to the old generation.
 */
function batchesOf<T>(read: () => Promise<T[] | null>): AsyncIterable<T[]> {
  let done = false;
  const end = { done: true, value: undefined } as const;
  const iterator: AsyncIterator<T[], undefined> = {
    async next() {
      const value = done ? null : await read();
      if (value !== null) return { done: false, value };
      done = true;
      return end;
    },
    async return() {
      done = true;
      return end;
    },
  };
  return { [Symbol.asyncIterator]: () => iterator };
}

// The reads below are plain SQL: Prisma's findMany with includes spends most of an export's
// time building and converting the rows of five queries per batch. They go through `bulk`,
// not $queryRaw, so that rows die young (see BulkReader). The SQL stays portable (quoted
// identifiers, standard joins, no SQLite functions), and `bulk` gives DateTime
// columns as Dates and Int columns as numbers, as $queryRaw does on SQLite and PostgreSQL.

type EntryRow = {
  id: number;
  eventId: number;
  status: AttendanceStatus;
  asOf: Date | null;
  note: string;
  updatedAt: Date;
  version: number;
  eventSlug: string;
  leaderId: number;
  leaderName: string;
  leaderOffice: string;
  leaderPolity: string;
  leaderCountryCode: string | null;
};

type CitationRow = {
  attendanceId: number;
  id: number;
  quote: string;
  start: number;
  end: number;
  prefix: string;
  suffix: string;
  sourceId: number;
  sourceTitle: string;
  sourcePublisher: string;
  sourceUrl: string;
};

type StepRow = {
  attendanceId: number;
  id: number;
  status: AttendanceStatus;
  asOf: Date | null;
  recordedAt: Date;
  citations: string;
};

/** An entry as toAttendanceDTO and entriesAsOf take it, with its event's slug. */
type ExportRow = Parameters<typeof toAttendanceDTO>[0] & { event: Pick<EventDTO, "slug"> };

/**
 * A function that reads the next batch of the entries matching `query` in id order, each with
 * its citations, each time it is called; null once they have all been read.
 */
function entryBatchReader(
  query: Pick<AttendanceQuery, "status" | "q">,
  batchSize: number,
): () => Promise<ExportRow[] | null> {
  // The status is compared as text: PostgreSQL has no `=` between its enum type and a bound
  // text parameter. Entries are read in id order either way, so no index is lost that matters.
  const status = query.status
    ? Prisma.sql`AND CAST("Attendance"."status" AS TEXT) = ${query.status}`
    : Prisma.empty;
  // A search key holds no LIKE wildcard or escape (lib/text/search-key.ts): the pattern is
  // literal, as the list's `contains` is.
  const search = query.q
    ? Prisma.sql`AND "Leader"."searchText" LIKE ${`%${searchKey(query.q)}%`}`
    : Prisma.empty;
  /** Where the next batch starts; null when there is none. */
  let afterId: number | null = 0;
  return async () => {
    if (afterId === null) return null;
    const entries = await bulk.all<EntryRow>(Prisma.sql`
      SELECT "Attendance"."id", "Attendance"."eventId", "Attendance"."status",
        "Attendance"."asOf", "Attendance"."note", "Attendance"."updatedAt",
        "Attendance"."version", "Event"."slug" AS "eventSlug", "Leader"."id" AS "leaderId",
        "Leader"."name" AS "leaderName", "Leader"."office" AS "leaderOffice",
        "Leader"."polity" AS "leaderPolity", "Leader"."countryCode" AS "leaderCountryCode"
      FROM "Attendance"
        JOIN "Event" ON "Event"."id" = "Attendance"."eventId"
        JOIN "Leader" ON "Leader"."id" = "Attendance"."leaderId"
      WHERE "Attendance"."id" > ${afterId} ${status} ${search}
      ORDER BY "Attendance"."id"
      LIMIT ${batchSize}`);
    afterId = entries.length < batchSize ? null : entries.at(-1)!.id;
    if (entries.length === 0) return null;
    const citations = await readCitations(entries.map((entry) => entry.id));
    return entries.map((entry) => ({
      id: entry.id,
      eventId: entry.eventId,
      status: entry.status,
      asOf: entry.asOf,
      note: entry.note,
      updatedAt: entry.updatedAt,
      version: entry.version,
      event: { slug: entry.eventSlug },
      leader: {
        id: entry.leaderId,
        name: entry.leaderName,
        office: entry.leaderOffice,
        polity: entry.leaderPolity,
        countryCode: entry.leaderCountryCode,
      },
      citations: citations.get(entry.id) ?? [],
    }));
  };
}

/** The citations of the entries `ids`, by entry, each entry's in its citation order. */
async function readCitations(ids: number[]): Promise<Map<number, ExportRow["citations"]>> {
  const rows = await bulk.all<CitationRow>(Prisma.sql`
    SELECT "Citation"."attendanceId", "Citation"."id", "Citation"."quote", "Citation"."start",
      "Citation"."end", "Citation"."prefix", "Citation"."suffix", "Source"."id" AS "sourceId",
      "Source"."title" AS "sourceTitle", "Source"."publisher" AS "sourcePublisher",
      "Source"."url" AS "sourceUrl"
    FROM "Citation" JOIN "Source" ON "Source"."id" = "Citation"."sourceId"
    WHERE "Citation"."attendanceId" IN (${Prisma.join(ids)})
    ORDER BY "Citation"."attendanceId", "Citation"."position", "Citation"."id"`);
  return groupByEntry(rows, (row) => ({
    id: row.id,
    quote: row.quote,
    start: row.start,
    end: row.end,
    prefix: row.prefix,
    suffix: row.suffix,
    source: {
      id: row.sourceId,
      title: row.sourceTitle,
      publisher: row.sourcePublisher,
      url: row.sourceUrl,
    },
  }));
}

/** The status steps of the entries `ids`, by entry (in no particular order). */
async function readSteps(ids: number[]): Promise<Map<number, StepRow[]>> {
  const rows = await bulk.all<StepRow>(Prisma.sql`
    SELECT "attendanceId", "id", "status", "asOf", "recordedAt", "citations"
    FROM "StatusStep"
    WHERE "attendanceId" IN (${Prisma.join(ids)})`);
  return groupByEntry(rows, (step) => step);
}

/** Each row made an item, listed under its entry, in the order of `rows`. */
function groupByEntry<R extends { attendanceId: number }, T>(
  rows: R[],
  toItem: (row: R) => T,
): Map<number, T[]> {
  const byEntry = new Map<number, T[]>();
  for (const row of rows) {
    const item = toItem(row);
    const list = byEntry.get(row.attendanceId);
    if (list) list.push(item);
    else byEntry.set(row.attendanceId, [item]);
  }
  return byEntry;
}
