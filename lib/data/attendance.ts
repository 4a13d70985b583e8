import "server-only";
import { db } from "@/lib/db";
import { getVersionText } from "./source-versions";
import { addToCounts, countEntries, emptyCounts } from "@/lib/attendance/counts";
import {
  compareEntries,
  duringEvent,
  eventStarted,
  type AttendanceOutcome,
  type AttendanceStatus,
} from "@/lib/attendance/status";
import {
  effectiveDay,
  outcomeStepOnDay,
  representativeOnDay,
  sourcesDisagreeOn,
  stepOnDay,
  storyOrder,
} from "@/lib/history/story";
import { sliceWhole } from "@/lib/text/cut";
import { quoteCitationsOnDay } from "./quotes-on-day";
import { getEventStoryChart, type StoryChartView } from "./story-chart";
import { searchKey } from "@/lib/text/search-key";
import type { AttendanceQuery } from "@/lib/validation/attendance-query";
import type { AttendanceDTO, CitationDTO, EventDTO, StatusCounts, StepDTO } from "./dto";
import {
  attendanceInclude,
  citationSelect,
  toAttendanceDTO,
  toCitationDTO,
  toEventDTO,
  representativeSelect,
  toIsoDate,
  toRepresentativeDTO,
  withCurrentCitations,
} from "./mappers";

function whereForQuery(eventId: number, query: Pick<AttendanceQuery, "status" | "q">) {
  return {
    eventId,
    ...(query.status ? { status: query.status } : {}),
    ...(query.q ? { leader: { searchText: { contains: searchKey(query.q) } } } : {}),
  };
}

/** An event's entries, filtered, searched and sorted as the query says (on its day, if any). */
export async function listAttendance(
  eventId: number,
  query: AttendanceQuery,
): Promise<AttendanceDTO[]> {
  if (query.day) return filteredDay(await listDay(eventId, query.day, query.q), query);
  const rows = await db.attendance.findMany({
    where: whereForQuery(eventId, query),
    include: attendanceInclude,
  });
  return rows
    .map((row) => toAttendanceDTO(withCurrentCitations(row)))
    .sort(compareEntries(query.sort));
}

/** A day's entries (read by listDay) with the query's status filter and order. */
function filteredDay(entries: AttendanceDTO[], query: AttendanceQuery): AttendanceDTO[] {
  return entries
    .filter((e) => !query.status || e.status === query.status)
    .sort(compareEntries(query.sort));
}

/** How many entries of an event have each status and outcome (ignoring any filter). */
export async function countAttendanceByStatus(eventId: number): Promise<StatusCounts> {
  const groups = await db.attendance.groupBy({
    by: ["status", "outcome"],
    where: { eventId },
    _count: { _all: true },
  });
  const counts = emptyCounts();
  for (const group of groups) addToCounts(counts, group, group._count._all);
  return counts;
}

export type AttendanceDetailDTO = AttendanceDTO & { event: EventDTO };

export async function getAttendance(id: number): Promise<AttendanceDetailDTO | null> {
  const row = await db.attendance.findUnique({
    where: { id },
    include: { ...attendanceInclude, event: true },
  });
  return row
    ? { ...toAttendanceDTO(withCurrentCitations(row)), event: toEventDTO(row.event) }
    : null;
}

/** A step as the day's reads need it: enough to order the story and say what it claims. */
export type StepRow = {
  id: number;
  status: AttendanceStatus;
  outcome: AttendanceOutcome | null;
  representative: { id: number; name: string; office: string; polity: string } | null;
  note: string;
  asOf: Date | null;
  recordedAt: Date;
};

/** The select that reads a StepRow. */
export const stepRowSelect = {
  id: true,
  status: true,
  outcome: true,
  representative: representativeSelect,
  note: true,
  asOf: true,
  recordedAt: true,
} as const;

/**
 * For each entry, the step in force at the end of `day` (its latest step with an as-of date on
 * or before it; undated steps count from the day they were recorded), whether sources
 * disagree that day, and the outcome and representative as of that day. Entries with no step
 * by then are left out. Shared by the list and the exports, which read the steps and, after,
 * the chosen steps' citations, each their own way.
 */
export function pickStepsOnDay<T extends { steps: StepRow[] }>(rows: T[], day: string) {
  return rows.flatMap((row) => {
    const steps = row.steps.map((s) => ({
      id: s.id,
      status: s.status,
      outcome: s.outcome,
      representativeId: s.representative?.id ?? null,
      note: s.note,
      asOf: s.asOf ? toIsoDate(s.asOf) : null,
      recordedAt: s.recordedAt.toISOString(),
    }));
    const step = stepOnDay(steps, day);
    if (!step) return [];
    const representativeId = representativeOnDay(steps, day);
    return [
      {
        row,
        step,
        sourcesDisagree: sourcesDisagreeOn(steps, step),
        outcome: outcomeStepOnDay(steps, day)?.outcome ?? null,
        representative:
          row.steps.find((s) => s.representative?.id === representativeId)?.representative ?? null,
      },
    ];
  });
}

/** The entry as it stood on a day: the picked step's status, as-of date, note and citations. */
export function entryOnDay<T extends AttendanceDTO>(
  entry: T,
  picked: {
    step: { status: string; asOf: string | null; note: string };
    sourcesDisagree: boolean;
    outcome: AttendanceOutcome | null;
    representative: StepRow["representative"];
  },
  citations: CitationDTO[],
): T {
  entry.status = picked.step.status as AttendanceStatus;
  entry.outcome = picked.outcome;
  entry.representative = toRepresentativeDTO(picked.representative);
  entry.asOf = picked.step.asOf;
  entry.stepNote = picked.step.note;
  entry.sourcesDisagree = picked.sourcesDisagree;
  entry.citations = citations;
  return entry;
}

/** An event's entries as they stood at the end of `day` (see pickStepsOnDay). */
export async function listDay(eventId: number, day: string, q?: string): Promise<AttendanceDTO[]> {
  const rows = await db.attendance.findMany({
    where: whereForQuery(eventId, { q }),
    include: {
      leader: attendanceInclude.leader,
      steps: { select: stepRowSelect },
    },
  });
  const picked = pickStepsOnDay(rows, day);
  const citations = await db.citation.findMany({
    where: { stepId: { in: picked.map((p) => p.step.id) } },
    orderBy: [{ stepId: "asc" }, { position: "asc" }],
    select: { ...citationSelect, stepId: true },
  });
  const byStep = new Map<number, CitationDTO[]>();
  for (const c of citations) {
    const list = byStep.get(c.stepId) ?? [];
    list.push(toCitationDTO(c));
    byStep.set(c.stepId, list);
  }
  await quoteCitationsOnDay([...byStep.values()].flat(), () => day);
  return picked.map((p) =>
    entryOnDay(
      toAttendanceDTO({ ...p.row, representative: null, stepNote: "", citations: [] }),
      p,
      byStep.get(p.step.id) ?? [],
    ),
  );
}

export type EventAttendanceDTO = {
  event: EventDTO;
  counts: StatusCounts;
  entries: AttendanceDTO[];
};

/**
 * Where the event stands on the day the list is for (its `?asOf=` day, else today, UTC):
 * `started` from its first day (the list then leads with outcomes), `during` any day from its
 * first to its last, `over` after its last.
 */
export type EventPhase = { day: string; started: boolean; during: boolean; over: boolean };

export function eventPhase(event: EventDTO, day = toIsoDate(new Date())): EventPhase {
  return {
    day,
    started: eventStarted(event, day),
    during: duringEvent(event, day),
    over: day > event.endDate,
  };
}

/** Everything the event's API and its export show: the event, its counts and the list. */
export async function getEventAttendance(
  slug: string,
  query: AttendanceQuery,
): Promise<EventAttendanceDTO | null> {
  const view = await readEventAttendance(slug, query, false);
  return view && { event: view.event, counts: view.counts, entries: view.entries };
}

/**
 * Everything the event page shows: that, and what the map beside the list shows, every entry
 * of the event whatever the filter or search, as they stood on the list's day if it has one.
 */
export async function getEventView(
  slug: string,
  query: AttendanceQuery,
): Promise<
  | (EventAttendanceDTO & {
      mapEntries: AttendanceDTO[];
      /** On a past day's list: the entries it leaves out, with no report by then. */
      unreported: UnreportedEntryDTO[];
      phase: EventPhase;
      /** The story as a chart, as it stood on the list's day (components/story-chart.tsx). */
      chart: StoryChartView | null;
    })
  | null
> {
  const view = await readEventAttendance(slug, query, true);
  if (!view) return null;
  const chart = await getEventStoryChart(view.event, query.day);
  return { ...view, phase: eventPhase(view.event, query.day), chart };
}

async function readEventAttendance(slug: string, query: AttendanceQuery, withMap: boolean) {
  const eventRow = await db.event.findUnique({ where: { slug } });
  if (!eventRow) return null;
  const event = toEventDTO(eventRow);
  if (query.day) {
    // The whole day is read once, for its counts and the map; a search is matched in the
    // database, so only a searched list is read again.
    const day = await listDay(eventRow.id, query.day);
    const counts = countEntries(day);
    const entries = query.q ? await listAttendance(eventRow.id, query) : filteredDay(day, query);
    const unreported = withMap ? await listUnreported(eventRow.id, day) : [];
    return { event, counts, entries, mapEntries: day.sort(compareEntries("name")), unreported };
  }
  const filtered = Boolean(query.status || query.q);
  const [counts, entries, all] = await Promise.all([
    countAttendanceByStatus(eventRow.id),
    listAttendance(eventRow.id, query),
    withMap && filtered ? listAttendance(eventRow.id, { sort: "name" }) : null,
  ]);
  return { event, counts, entries, mapEntries: all ?? entries, unreported: [] };
}

/** An entry the list of a past day leaves out: nothing had been reported of it by then. */
export type UnreportedEntryDTO = { id: number; leader: string };

/** The event's entries other than `day`'s (those with no step by that day), by leader's name. */
async function listUnreported(
  eventId: number,
  day: AttendanceDTO[],
): Promise<UnreportedEntryDTO[]> {
  const shown = new Set(day.map((e) => e.id));
  const rows = await db.attendance.findMany({
    where: { eventId },
    select: { id: true, leader: { select: { name: true } } },
  });
  return rows
    .filter((row) => !shown.has(row.id))
    .map((row) => ({ id: row.id, leader: row.leader.name }))
    .sort((a, b) => a.leader.localeCompare(b.leader));
}

export type CitationInContextDTO = AttendanceDTO["citations"][number] & {
  before: string;
  after: string;
  /**
   * Set when the quote is no longer in the source's current text: orphaned by an edit (then
   * `since` is when, and the context is that of `version`, the text it was cited in), or lost
   * before texts had versions.
   */
  removed: { since: string | null; version: number; current: boolean } | null;
  /**
   * Set while an edit of the source re-found the quote with other words and no editor has
   * confirmed them yet: when, and the words as they were cited.
   */
  reworded: { since: string | null; citedQuote: string | null } | null;
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
  const [sources, states] = await Promise.all([
    db.source.findMany({
      where: { id: { in: sourceIds } },
      select: { id: true, text: true, textVersion: true },
    }),
    db.citation.findMany({
      where: { id: { in: entry.citations.map((c) => c.id) } },
      select: {
        id: true,
        lost: true,
        review: true,
        reviewSince: true,
        anchoredVersion: true,
        citedQuote: true,
      },
    }),
  ]);
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const stateById = new Map(states.map((c) => [c.id, c]));
  const texts = new Map<string, string>();
  for (const c of states) {
    const source = sourceById.get(entry.citations.find((e) => e.id === c.id)!.source.id);
    if (!source || !c.lost || c.anchoredVersion === source.textVersion) continue;
    const key = `${source.id}:${c.anchoredVersion}`;
    if (!texts.has(key)) {
      texts.set(key, (await getVersionText(db, source, c.anchoredVersion)) ?? "");
    }
  }
  return {
    ...entry,
    citations: entry.citations.map((citation) => {
      const source = sourceById.get(citation.source.id);
      const state = stateById.get(citation.id);
      const removed = state?.lost
        ? {
            since: state.reviewSince?.toISOString() ?? null,
            version: state.anchoredVersion,
            current: state.anchoredVersion === source?.textVersion,
          }
        : null;
      // An orphan's offsets index into the text it was cited in; a lost quote's, into none.
      const text = !removed
        ? (source?.text ?? "")
        : removed.current
          ? ""
          : (texts.get(`${citation.source.id}:${removed.version}`) ?? "");
      const found = text.slice(citation.start, citation.end) === citation.quote;
      return {
        ...citation,
        before: found ? sliceWhole(text, citation.start - CONTEXT_CHARS, citation.start) : "",
        after: found ? sliceWhole(text, citation.end, citation.end + CONTEXT_CHARS) : "",
        removed,
        reworded:
          state && !state.lost && state.review === "check"
            ? { since: state.reviewSince?.toISOString() ?? null, citedQuote: state.citedQuote }
            : null,
      };
    }),
  };
}

/** The story as it stood at the end of `day` (all of it without one), in story order. */
export function storyInForce(story: StepDTO[], day?: string): StepDTO[] {
  const ordered = storyOrder(story);
  if (!day) return ordered;
  const upTo = ordered.filter((s) => effectiveDay(s) <= day);
  return upTo.map((s, i) => ({ ...s, current: i === upTo.length - 1 }));
}

export const stepInclude = {
  currentOf: { select: { id: true } },
  representative: representativeSelect,
  citations: { orderBy: { position: "asc" }, select: { ...citationSelect, lost: true } },
} as const;

export function toStepDTO(s: {
  id: number;
  version: number;
  status: AttendanceStatus;
  outcome: AttendanceOutcome | null;
  representative: StepRow["representative"];
  asOf: Date | null;
  note: string;
  recordedAt: Date;
  recordedBy: string;
  currentOf: { id: number } | null;
  citations: (Parameters<typeof toCitationDTO>[0] & { lost: boolean })[];
}): StepDTO {
  return {
    id: s.id,
    version: s.version,
    status: s.status,
    outcome: s.outcome,
    representative: toRepresentativeDTO(s.representative),
    asOf: s.asOf ? toIsoDate(s.asOf) : null,
    note: s.note,
    recordedAt: s.recordedAt.toISOString(),
    recordedBy: s.recordedBy,
    current: s.currentOf !== null,
    citations: s.citations.map((c) => ({ ...toCitationDTO(c), lost: c.lost })),
  };
}

/** Gives each entry its story (see storyInForce), read in one query. */
export async function attachStories<T extends AttendanceDTO>(
  entries: T[],
  day?: string,
): Promise<T[]> {
  const steps = await db.statusStep.findMany({
    where: { attendanceId: { in: entries.map((e) => e.id) } },
    include: stepInclude,
  });
  const byEntry = new Map<number, StepDTO[]>();
  for (const step of steps) {
    const list = byEntry.get(step.attendanceId) ?? [];
    list.push(toStepDTO(step));
    byEntry.set(step.attendanceId, list);
  }
  for (const entry of entries) entry.story = storyInForce(byEntry.get(entry.id) ?? [], day);
  if (day) {
    await quoteCitationsOnDay(
      entries.flatMap((e) => (e.story ?? []).flatMap((step) => step.citations)),
      () => day,
    );
  }
  return entries;
}
