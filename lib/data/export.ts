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
 * as it was when its batch was read, a leader or source as it was when the export first read
 * it (see ExportRecords; `recordsKept` is how many of each it keeps); none is skipped or
 * repeated.
 */
export function listAllAttendanceForExport(
  query: ExportQuery,
  batchSize = EXPORT_BATCH_SIZE,
  recordsKept = RECORDS_KEPT,
): AsyncIterable<ExportEntryDTO[]> {
  const records = exportRecords(recordsKept);
  if (query.day) {
    return listAllAttendanceOnDayForExport({ ...query, day: query.day }, batchSize, records);
  }
  const readBatch = entryBatchReader(query, batchSize, records, !query.story);
  return batchesOf(async () => {
    const batch = await readBatch();
    if (!batch) return null;
    if (query.story) await attachStories(batch.entries, batch.currentStepIds, records);
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
  records: ExportRecords,
): AsyncIterable<ExportEntryDTO[]> {
  const readBatch = entryBatchReader({ q: query.q }, batchSize, records, false);
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
    const citations = await readStepCitations(
      picked.map((p) => p.step.id),
      records.sources,
    );
    await quoteCitationsOnDay([...citations.values()].flat(), () => query.day);
    // Each entry is picked once at most: it is made the entry as of the day in place.
    const entries = picked.map((p) => entryOnDay(p.row.entry, p, citations.get(p.step.id) ?? []));
    if (query.story) {
      await attachStories(
        entries,
        picked.map((p) => p.row.currentStepId),
        records,
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
  records: ExportRecords,
  day?: string,
) {
  const steps = await readSteps(entries.map((entry) => entry.id));
  const all = [...steps.values()].flat();
  const citations = await readStepCitations(
    all.map((s) => s.id),
    records.sources,
  );
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
 * Records an export names again and again, read once for the whole export rather than in
 * every entry's or citation's row: a few thousand leaders and sources are named by hundreds of
 * thousands of entries and citations, and handing over their names, titles and addresses with
 * each row was a fifth of the export's time. A record is read when a batch first names it,
 * and shows as it was then, as an entry shows as it was when its batch was read.
 */
type ExportRecords = {
  leaders: RecordsById<AttendanceDTO["leader"]>;
  sources: RecordsById<CitationDTO["source"]>;
};

/** Records kept by one export, of each kind, before it lets them go and reads them again. */
const RECORDS_KEPT = 20_000;

function exportRecords(kept = RECORDS_KEPT): ExportRecords {
  return {
    leaders: new RecordsById(kept, (ids) =>
      bulk.all<AttendanceDTO["leader"]>(Prisma.sql`
        SELECT "id", "name", "office", "polity", "countryCode"
        FROM "Leader" WHERE "id" IN (${Prisma.join(ids)})`),
    ),
    sources: new RecordsById(kept, (ids) =>
      bulk.all<CitationDTO["source"]>(Prisma.sql`
        SELECT "id", "title", "publisher", "url"
        FROM "Source" WHERE "id" IN (${Prisma.join(ids)})`),
    ),
  };
}

/**
 * Records by id, read by `read` (rows with an `id`) for the ids not yet held. About `kept` are
 * held: past that they are all let go before the next read, so a database with more leaders or
 * sources than that costs more reads, not more memory. Whatever one `fill` asked for is held
 * until the next.
 */
class RecordsById<T extends { id: number }> {
  private readonly byId = new Map<number, T>();

  constructor(
    private readonly kept: number,
    private readonly read: (ids: number[]) => Promise<T[]>,
  ) {}

  /** Reads the records of `ids` that are not held. One not found stays unknown. */
  async fill(ids: Iterable<number>): Promise<void> {
    const wanted = new Set(ids);
    let missing = [...wanted].filter((id) => !this.byId.has(id));
    if (missing.length === 0) return;
    if (this.byId.size + missing.length > this.kept) {
      this.byId.clear();
      missing = [...wanted];
    }
    for (const record of await this.read(missing)) this.byId.set(record.id, record);
  }

  get(id: number): T | undefined {
    return this.byId.get(id);
  }

  /** Lets `ids` go, so the next `fill` reads them again. */
  forget(ids: Iterable<number>): void {
    for (const id of ids) this.byId.delete(id);
  }
}

/**
 * A function that reads the next batch of the entries matching `query` in id order, each with
 * its citations (with `withCitations`; else none), each time it is called; null once they have
 * all been read. The entries are made as toAttendanceDTO makes them, straight from the rows.
 */
function entryBatchReader(
  query: Pick<AttendanceQuery, "status" | "q">,
  batchSize: number,
  records: ExportRecords,
  withCitations: boolean,
): () => Promise<EntryBatch | null> {
  // The status is compared as text: PostgreSQL has no `=` between its enum type and a bound
  // text parameter. Entries are read in id order either way, so no index is lost that matters.
  const status = query.status
    ? Prisma.sql`AND CAST("Attendance"."status" AS TEXT) = ${query.status}`
    : Prisma.empty;
  // A search key holds no LIKE wildcard or escape (lib/text/search-key.ts): the pattern is
  // literal, as the list's `contains` is. Without one, the leaders are not joined: their
  // names come from `records`.
  const search = query.q
    ? {
        join: Prisma.sql`JOIN "Leader" ON "Leader"."id" = "Attendance"."leaderId"`,
        where: Prisma.sql`AND "Leader"."searchText" LIKE ${`%${searchKey(query.q)}%`}`,
      }
    : { join: Prisma.empty, where: Prisma.empty };
  /** Where the next batch starts; null when there is none. */
  let afterId: number | null = 0;
  const readRows = (after: number) =>
    bulk.all<EntryRow>(
      Prisma.sql`
      SELECT "Attendance"."id", "Attendance"."eventId", "Attendance"."status",
        "Attendance"."outcome", "Current"."note" AS "stepNote",
        "Attendance"."representativeId", "Attendance"."asOf", "Attendance"."currentStepId",
        "Attendance"."sourcesDisagree", "Attendance"."note", "Attendance"."updatedAt",
        "Attendance"."version", "Attendance"."leaderId"
      FROM "Attendance" ${search.join}
        LEFT JOIN "StatusStep" "Current" ON "Current"."id" = "Attendance"."currentStepId"
      WHERE "Attendance"."id" > ${after} ${status} ${search.where}
      ORDER BY "Attendance"."id"
      LIMIT ${batchSize}`,
      ISO_DATES,
    );
  const { leaders } = records;
  /**
   * The events of `rows`, read for this batch, after reading the leaders it names that are not
   * kept: one fill for all of them, so that none it needs is let go by another.
   */
  const readNamed = async (rows: EntryRow[]) => {
    await leaders.fill(rows.flatMap((row) => [row.leaderId, row.representativeId ?? []].flat()));
    return readEvents(rows);
  };
  const named = (row: EntryRow, events: Map<number, unknown>) =>
    events.has(row.eventId) && leaders.get(row.leaderId) !== undefined;
  return async () => {
    if (afterId === null) return null;
    let rows = await readRows(afterId);
    // The events, leaders and representatives are read apart, once a batch or once an export
    // rather than once an entry: most of a read's time goes into handing over its values one
    // by one. An entry whose event or leader is not found changed between the reads (moved,
    // or deleted, and its event or leader deleted after it): the batch is read again, its
    // leaders too. An entry whose event or leader is still not found is left out, as a join
    // would leave it out.
    let events = await readNamed(rows);
    if (rows.some((row) => !named(row, events))) {
      leaders.forget(rows.map((row) => row.leaderId));
      rows = await readRows(afterId);
      events = await readNamed(rows);
    }
    afterId = rows.length < batchSize ? null : rows.at(-1)!.id;
    if (rows.length === 0) return null;
    rows = rows.filter((row) => named(row, events));
    const citations = withCitations
      ? await readStepCitations(
          rows.flatMap((e) => (e.currentStepId ? [e.currentStepId] : [])),
          records.sources,
        )
      : new Map<number, CitationDTO[]>();
    // Properties in toAttendanceDTO's order, then the event's, so that every entry has one shape.
    const entries = rows.map((row): ExportEntryDTO => ({
      id: row.id,
      eventId: row.eventId,
      leader: leaders.get(row.leaderId)!,
      status: row.status,
      outcome: row.outcome,
      representative:
        row.representativeId === null
          ? null
          : representative(row.representativeId, leaders.get(row.representativeId)),
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

/**
 * The leader `id` as the representative an entry names; one not found (deleted since the entry
 * was read) as a left join gives it.
 */
function representative(id: number, leader: AttendanceDTO["leader"] | undefined) {
  if (!leader) return { id, name: "", office: "", polity: "" };
  return { id, name: leader.name, office: leader.office, polity: leader.polity };
}

/**
 * The citations of the steps `ids`, by step, each step's in its citation order. A citation
 * whose source is not found (deleted since it was read) is left out, as a join would.
 */
async function readStepCitations(
  ids: number[],
  sources: ExportRecords["sources"],
): Promise<Map<number, CitationDTO[]>> {
  if (ids.length === 0) return new Map();
  const rows = await bulk.all<CitationRow>(Prisma.sql`
    SELECT "Citation"."stepId", "Citation"."id", "Citation"."lost", "Citation"."review",
      "Citation"."anchoredVersion", "Citation"."quote",
      "Citation"."start", "Citation"."end", "Citation"."prefix", "Citation"."suffix",
      "Citation"."sourceId"
    FROM "Citation"
    WHERE "Citation"."stepId" IN (${Prisma.join(ids)})
    ORDER BY "Citation"."stepId", "Citation"."position", "Citation"."id"`);
  await sources.fill(rows.map((row) => row.sourceId));
  return groupBy(
    rows.filter((row) => sources.get(row.sourceId) !== undefined),
    (row) => row.stepId,
    (row) => {
      const citation: CitationDTO = {
        id: row.id,
        quote: row.quote,
        start: row.start,
        end: row.end,
        prefix: row.prefix,
        suffix: row.suffix,
        source: sources.get(row.sourceId)!,
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
