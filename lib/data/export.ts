import "server-only";
import { quoteCitationsOnDay } from "./quotes-on-day";
import { bulk } from "@/lib/db";
import type { AttendanceOutcome, AttendanceStatus } from "@/lib/attendance/status";
import { Prisma } from "@/lib/generated/prisma/client";
import { searchKey } from "@/lib/text/search-key";
import type { AttendanceQuery } from "@/lib/validation/attendance-query";
import type { AttendanceDTO, CitationDTO, EventDTO, RepresentativeDTO, StepDTO } from "./dto";
import { entryOnDay, pickStepsOnDay, storyInForce, type StepRow as DayStepRow } from "./attendance";
import { toIsoDate } from "./mappers";

/** An entry with the event it belongs to, as the exports write it. */
export type ExportEntryDTO = AttendanceDTO & { event: Pick<EventDTO, "slug" | "date" | "endDate"> };

/** What the export reads besides the entries: `story` adds every step with its citations. */
export type ExportQuery = Pick<AttendanceQuery, "status" | "q" | "day"> & { story?: boolean };

/**
 * Entries read per batch, in a few queries (the entries with their leader, then their events
 * and any representatives, then their citations with their sources; for asOf also their
 * steps), the later ones binding the batch's ids. A batch stays in memory until it is
 * written: what it allocates meanwhile must stay well below V8's young generation, or its rows
 * are moved to the old generation and the server grows. Smaller batches mean more queries,
 * each a fixed cost: this size keeps both small (docs/benchmark.md has the export's time and
 * peak memory).
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
  query: ExportQuery,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncIterable<ExportEntryDTO[]> {
  if (query.day) return listAllAttendanceOnDayForExport({ ...query, day: query.day }, batchSize);
  const readBatch = entryBatchReader(query, batchSize, !query.story);
  return batchesOf(async () => {
    const batch = await readBatch();
    if (!batch) return null;
    if (query.story) await attachStories(batch.entries, batch.currentStepIds);
    return batch.entries;
  });
}

/**
 * The same, as the story stood at the end of `query.day` (see pickStepsOnDay): the status
 * filter applies to the status in force then, so it is applied after the story is read.
 * A batch may come out smaller than it was read, or empty.
 */
function listAllAttendanceOnDayForExport(
  query: ExportQuery & { day: string },
  batchSize: number,
): AsyncIterable<ExportEntryDTO[]> {
  const readBatch = entryBatchReader({ q: query.q }, batchSize, false);
  return batchesOf(async () => {
    const batch = await readBatch();
    if (!batch) return null;
    const steps = await readSteps(batch.entries.map((entry) => entry.id));
    const picked = pickStepsOnDay(
      batch.entries.map((entry, i) => ({
        entry,
        currentStepId: batch.currentStepIds[i] ?? null,
        steps: steps.get(entry.id) ?? [],
      })),
      query.day,
    ).filter((p) => !query.status || p.step.status === query.status);
    const citations = await readStepCitations(picked.map((p) => p.step.id));
    await quoteCitationsOnDay([...citations.values()].flat(), () => query.day);
    // Each entry is picked once at most: it is made the entry as of the day in place.
    const entries = picked.map((p) => entryOnDay(p.row.entry, p, citations.get(p.step.id) ?? []));
    if (query.story) {
      await attachStories(
        entries,
        picked.map((p) => p.row.currentStepId),
        query.day,
      );
    }
    return entries;
  });
}

/**
 * Gives each entry its story (every step with its citations, in story order); with `day`, the
 * steps in force by then, the one in force marked current. `currentStepIds[i]` is the current
 * step of `entries[i]`.
 */
async function attachStories(
  entries: ExportEntryDTO[],
  currentStepIds: (number | null)[],
  day?: string,
) {
  const steps = await readSteps(entries.map((entry) => entry.id));
  const all = [...steps.values()].flat();
  const citations = await readStepCitations(all.map((s) => s.id));
  entries.forEach((entry, i) => {
    const currentStepId = currentStepIds[i];
    const story: StepDTO[] = (steps.get(entry.id) ?? []).map((s) => ({
      id: s.id,
      status: s.status,
      outcome: s.outcome,
      representative: s.representative,
      asOf: s.asOf ? toIsoDate(s.asOf) : null,
      note: s.note,
      recordedAt: s.recordedAt.toISOString(),
      recordedBy: s.recordedBy,
      version: s.version,
      current: s.id === currentStepId,
      citations: (citations.get(s.id) ?? []) as StepDTO["citations"],
    }));
    entry.story = storyInForce(story, day);
  });
  if (day) {
    await quoteCitationsOnDay(
      entries.flatMap((e) => (e.story ?? []).flatMap((step) => step.citations)),
      () => day,
    );
  }
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
// identifiers, standard joins, no SQLite functions), and `bulk` gives Int columns as numbers
// and DateTime columns as Dates, as $queryRaw does on SQLite and PostgreSQL, or, for the
// entries, which only write their dates out, as ISO text (ISO_DATES).

/** DateTime columns as `Date#toISOString` text (see BulkReadOptions). */
const ISO_DATES = { isoDates: true } as const;

/** The day of an ISO date and time ("2026-11-01T09:30:00.000Z"): what toIsoDate gives. */
const isoDay = (isoDateTime: string) => isoDateTime.slice(0, 10);

type EntryRow = {
  id: number;
  eventId: number;
  status: AttendanceStatus;
  outcome: AttendanceOutcome | null;
  stepNote: string | null;
  representativeId: number | null;
  /** ISO text, as all of this row's dates (ISO_DATES). */
  asOf: string | null;
  currentStepId: number | null;
  sourcesDisagree: boolean | number;
  note: string;
  updatedAt: string;
  version: number;
  leaderId: number;
  leaderName: string;
  leaderOffice: string;
  leaderPolity: string;
  leaderCountryCode: string | null;
};

type CitationRow = {
  stepId: number;
  id: number;
  lost: boolean | number;
  review: string;
  anchoredVersion: number | bigint;
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
  outcome: AttendanceOutcome | null;
  representative: RepresentativeDTO | null;
  asOf: Date | null;
  recordedAt: Date;
  note: string;
  recordedBy: string;
  version: number;
};

/** A batch of entries, and the current step of each (`currentStepIds[i]` is `entries[i]`'s). */
type EntryBatch = { entries: ExportEntryDTO[]; currentStepIds: (number | null)[] };

/**
 * A function that reads the next batch of the entries matching `query` in id order, each with
 * its citations (with `withCitations`; else none), each time it is called; null once they have
 * all been read. The entries are made as toAttendanceDTO makes them, straight from the rows.
 */
function entryBatchReader(
  query: Pick<AttendanceQuery, "status" | "q">,
  batchSize: number,
  withCitations: boolean,
): () => Promise<EntryBatch | null> {
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
  const readRows = (after: number) =>
    bulk.all<EntryRow>(
      Prisma.sql`
      SELECT "Attendance"."id", "Attendance"."eventId", "Attendance"."status",
        "Attendance"."outcome", "Current"."note" AS "stepNote",
        "Attendance"."representativeId", "Attendance"."asOf", "Attendance"."currentStepId",
        "Attendance"."sourcesDisagree", "Attendance"."note", "Attendance"."updatedAt",
        "Attendance"."version", "Leader"."id" AS "leaderId",
        "Leader"."name" AS "leaderName", "Leader"."office" AS "leaderOffice",
        "Leader"."polity" AS "leaderPolity", "Leader"."countryCode" AS "leaderCountryCode"
      FROM "Attendance"
        JOIN "Leader" ON "Leader"."id" = "Attendance"."leaderId"
        LEFT JOIN "StatusStep" "Current" ON "Current"."id" = "Attendance"."currentStepId"
      WHERE "Attendance"."id" > ${after} ${status} ${search}
      ORDER BY "Attendance"."id"
      LIMIT ${batchSize}`,
      ISO_DATES,
    );
  return async () => {
    if (afterId === null) return null;
    let rows = await readRows(afterId);
    // The events and the representatives are read apart, once a batch rather than once an
    // entry: most of a read's time goes into handing over its values one by one. An entry
    // whose event is not found changed between the two reads (moved to another event, or
    // deleted, and its event deleted after it): the batch is read again. An entry whose event
    // is still not found is left out, as a join would leave it out.
    let events = await readEvents(rows);
    if (rows.some((row) => !events.has(row.eventId))) {
      rows = await readRows(afterId);
      events = await readEvents(rows);
    }
    afterId = rows.length < batchSize ? null : rows.at(-1)!.id;
    if (rows.length === 0) return null;
    rows = rows.filter((row) => events.has(row.eventId));
    const representatives = await readRepresentatives(rows);
    const citations = withCitations
      ? await readStepCitations(rows.flatMap((e) => (e.currentStepId ? [e.currentStepId] : [])))
      : new Map<number, CitationDTO[]>();
    // Properties in toAttendanceDTO's order, then the event's, so that every entry has one shape.
    const entries = rows.map((row): ExportEntryDTO => ({
      id: row.id,
      eventId: row.eventId,
      leader: {
        id: row.leaderId,
        name: row.leaderName,
        office: row.leaderOffice,
        polity: row.leaderPolity,
        countryCode: row.leaderCountryCode,
      },
      status: row.status,
      outcome: row.outcome,
      representative:
        row.representativeId === null
          ? null
          : {
              id: row.representativeId,
              ...(representatives.get(row.representativeId) ?? NO_REPRESENTATIVE),
            },
      asOf: row.asOf === null ? null : isoDay(row.asOf),
      sourcesDisagree: Boolean(row.sourcesDisagree),
      stepNote: row.stepNote ?? "",
      note: row.note,
      updatedAt: row.updatedAt,
      version: row.version,
      citations: (row.currentStepId && citations.get(row.currentStepId)) || [],
      event: events.get(row.eventId)!,
    }));
    return { entries, currentStepIds: rows.map((row) => row.currentStepId) };
  };
}

/** The events of `rows`, by id: a batch's entries of one event share its object. */
async function readEvents(rows: EntryRow[]): Promise<Map<number, ExportEntryDTO["event"]>> {
  const ids = [...new Set(rows.map((row) => row.eventId))];
  if (ids.length === 0) return new Map();
  const events = await bulk.all<{ id: number; slug: string; date: string; endDate: string }>(
    Prisma.sql`
      SELECT "id", "slug", "date", "endDate" FROM "Event" WHERE "id" IN (${Prisma.join(ids)})`,
    ISO_DATES,
  );
  return new Map(
    events.map((e) => [e.id, { slug: e.slug, date: isoDay(e.date), endDate: isoDay(e.endDate) }]),
  );
}

/** A representative not found (deleted since the entry was read), as a left join gives it. */
const NO_REPRESENTATIVE = { name: "", office: "", polity: "" };

/** The leaders who represent someone in `rows`, by id: most entries name nobody. */
async function readRepresentatives(
  rows: EntryRow[],
): Promise<Map<number, Omit<RepresentativeDTO, "id">>> {
  const ids = [...new Set(rows.flatMap((row) => row.representativeId ?? []))];
  if (ids.length === 0) return new Map();
  const leaders = await bulk.all<RepresentativeDTO>(Prisma.sql`
    SELECT "id", "name", "office", "polity" FROM "Leader" WHERE "id" IN (${Prisma.join(ids)})`);
  return new Map(leaders.map((l) => [l.id, { name: l.name, office: l.office, polity: l.polity }]));
}

/** The citations of the steps `ids`, by step, each step's in its citation order. */
async function readStepCitations(ids: number[]): Promise<Map<number, CitationDTO[]>> {
  if (ids.length === 0) return new Map();
  const rows = await bulk.all<CitationRow>(Prisma.sql`
    SELECT "Citation"."stepId", "Citation"."id", "Citation"."lost", "Citation"."review",
      "Citation"."anchoredVersion", "Citation"."quote",
      "Citation"."start", "Citation"."end", "Citation"."prefix", "Citation"."suffix",
      "Source"."id" AS "sourceId", "Source"."title" AS "sourceTitle",
      "Source"."publisher" AS "sourcePublisher", "Source"."url" AS "sourceUrl"
    FROM "Citation" JOIN "Source" ON "Source"."id" = "Citation"."sourceId"
    WHERE "Citation"."stepId" IN (${Prisma.join(ids)})
    ORDER BY "Citation"."stepId", "Citation"."position", "Citation"."id"`);
  return groupBy(
    rows,
    (row) => row.stepId,
    (row) => {
      const citation: CitationDTO = {
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
        lost: Boolean(row.lost),
        review: row.review,
        anchoredVersion: Number(row.anchoredVersion),
      };
      return citation;
    },
  );
}

/** The steps of the entries `ids`, by entry (in no particular order). */
async function readSteps(ids: number[]): Promise<Map<number, (StepRow & DayStepRow)[]>> {
  if (ids.length === 0) return new Map();
  const rows = await bulk.all<
    Omit<StepRow, "representative"> & {
      representativeId: number | null;
      representativeName: string | null;
      representativeOffice: string | null;
      representativePolity: string | null;
    }
  >(Prisma.sql`
    SELECT "StatusStep"."attendanceId", "StatusStep"."id", "StatusStep"."status",
      "StatusStep"."outcome", "StatusStep"."asOf", "StatusStep"."recordedAt",
      "StatusStep"."note", "StatusStep"."recordedBy", "StatusStep"."version",
      "StatusStep"."representativeId", "Rep"."name" AS "representativeName",
      "Rep"."office" AS "representativeOffice", "Rep"."polity" AS "representativePolity"
    FROM "StatusStep"
      LEFT JOIN "Leader" "Rep" ON "Rep"."id" = "StatusStep"."representativeId"
    WHERE "StatusStep"."attendanceId" IN (${Prisma.join(ids)})`);
  return groupBy(
    rows,
    (row) => row.attendanceId,
    (row): StepRow & DayStepRow => ({
      attendanceId: row.attendanceId,
      id: row.id,
      status: row.status,
      outcome: row.outcome,
      representative:
        row.representativeId === null
          ? null
          : {
              id: row.representativeId,
              name: row.representativeName ?? "",
              office: row.representativeOffice ?? "",
              polity: row.representativePolity ?? "",
            },
      asOf: row.asOf,
      recordedAt: row.recordedAt,
      note: row.note,
      recordedBy: row.recordedBy,
      version: row.version,
    }),
  );
}

/** Each row made an item, listed under its key, in the order of `rows`. */
function groupBy<R, T>(
  rows: R[],
  key: (row: R) => number,
  toItem: (row: R) => T,
): Map<number, T[]> {
  const byKey = new Map<number, T[]>();
  for (const row of rows) {
    const item = toItem(row);
    const list = byKey.get(key(row));
    if (list) list.push(item);
    else byKey.set(key(row), [item]);
  }
  return byKey;
}
