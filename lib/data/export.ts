import "server-only";
import { db } from "@/lib/db";
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
 * batch's ids. A batch stays in memory until it is written, and larger ones grew the server's
 * memory more (50,000 entries: +110 MB with 500, +190 MB with 2,000); each query costs a
 * fraction of a millisecond, a few percent of the export with 500.
 */
export const EXPORT_BATCH_SIZE = 500;

/**
 * Every entry of every event that matches the query's status and search, in ascending entry
 * id order (the order they were created), a batch at a time: up to `batchSize` entries read
 * with keyset paging on the primary key, so memory stays flat and the first rows are ready
 * after one batch. The sort of the query is not applied: sorting needs every row first.
 * Batches, not single entries: a step of an async iteration costs more than writing the entry.
 *
 * The search matches the leader's search key as a literal substring: `%` and `_` in it are
 * characters, not wildcards.
 *
 * Batches are separate reads, not one snapshot: an entry changed during a long export shows
 * as it was when its batch was read; none is skipped or repeated.
 */
export async function* listAllAttendanceForExport(
  query: Pick<AttendanceQuery, "status" | "q" | "asOf">,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<ExportEntryDTO[]> {
  if (query.asOf) {
    yield* listAllAttendanceAsOfForExport({ ...query, asOf: query.asOf }, batchSize);
    return;
  }
  for await (const rows of readEntryBatches(query, batchSize)) {
    yield rows.map((row) => ({ ...toAttendanceDTO(row), event: row.event }));
  }
}

/**
 * The same, as the story stood at the end of `query.asOf` (see entriesAsOf): the status
 * filter applies to the status in force then, so it is applied after the story is read.
 * A batch may come out smaller than it was read, or empty.
 */
async function* listAllAttendanceAsOfForExport(
  query: Pick<AttendanceQuery, "status" | "q"> & { asOf: string },
  batchSize: number,
): AsyncGenerator<ExportEntryDTO[]> {
  for await (const rows of readEntryBatches({ q: query.q }, batchSize)) {
    const steps = await readSteps(rows.map((row) => row.id));
    const withSteps = rows.map((row) => ({ ...row, steps: steps.get(row.id) ?? [] }));
    const entries = await entriesAsOf(withSteps, query.asOf);
    yield entries.flatMap(({ row, entry }) =>
      query.status && entry.status !== query.status ? [] : [{ ...entry, event: row.event }],
    );
  }
}

// The reads below are plain SQL: Prisma's findMany with includes spends most of an export's
// time building and converting the rows of five queries per batch. The SQL stays portable
// (quoted identifiers, standard joins, LIKE … ESCAPE, no SQLite functions), and $queryRaw
// gives DateTime columns as Dates and Int columns as numbers on SQLite and PostgreSQL alike.

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

/** `value` as a LIKE pattern that matches it anywhere, taken literally (escape character `\`). */
function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The entries matching `query`, batch by batch in id order, each with its citations. */
async function* readEntryBatches(
  query: Pick<AttendanceQuery, "status" | "q">,
  batchSize: number,
): AsyncGenerator<ExportRow[]> {
  // The status is compared as text: PostgreSQL has no `=` between its enum type and a bound
  // text parameter. Entries are read in id order either way, so no index is lost that matters.
  const status = query.status
    ? Prisma.sql`AND CAST("Attendance"."status" AS TEXT) = ${query.status}`
    : Prisma.empty;
  const search = query.q
    ? Prisma.sql`AND "Leader"."searchText" LIKE ${containsPattern(searchKey(query.q))} ESCAPE '\\'`
    : Prisma.empty;
  let afterId = 0;
  for (;;) {
    const entries = await db.$queryRaw<EntryRow[]>`
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
      LIMIT ${batchSize}`;
    const last = entries.at(-1);
    if (!last) return;
    const citations = await readCitations(entries.map((entry) => entry.id));
    yield entries.map((entry) => ({
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
    if (entries.length < batchSize) return;
    afterId = last.id;
  }
}

/** The citations of the entries `ids`, by entry, each entry's in its citation order. */
async function readCitations(ids: number[]): Promise<Map<number, ExportRow["citations"]>> {
  const rows = await db.$queryRaw<CitationRow[]>`
    SELECT "Citation"."attendanceId", "Citation"."id", "Citation"."quote", "Citation"."start",
      "Citation"."end", "Citation"."prefix", "Citation"."suffix", "Source"."id" AS "sourceId",
      "Source"."title" AS "sourceTitle", "Source"."publisher" AS "sourcePublisher",
      "Source"."url" AS "sourceUrl"
    FROM "Citation" JOIN "Source" ON "Source"."id" = "Citation"."sourceId"
    WHERE "Citation"."attendanceId" IN (${Prisma.join(ids)})
    ORDER BY "Citation"."attendanceId", "Citation"."position", "Citation"."id"`;
  const byEntry = new Map<number, ExportRow["citations"]>();
  for (const row of rows) {
    const citation = {
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
    };
    const list = byEntry.get(row.attendanceId);
    if (list) list.push(citation);
    else byEntry.set(row.attendanceId, [citation]);
  }
  return byEntry;
}

/** The status steps of the entries `ids`, by entry (in no particular order). */
async function readSteps(ids: number[]): Promise<Map<number, Omit<StepRow, "attendanceId">[]>> {
  const rows = await db.$queryRaw<StepRow[]>`
    SELECT "attendanceId", "id", "status", "asOf", "recordedAt", "citations"
    FROM "StatusStep"
    WHERE "attendanceId" IN (${Prisma.join(ids)})`;
  const byEntry = new Map<number, Omit<StepRow, "attendanceId">[]>();
  for (const { attendanceId, ...step } of rows) {
    const list = byEntry.get(attendanceId);
    if (list) list.push(step);
    else byEntry.set(attendanceId, [step]);
  }
  return byEntry;
}
