import "server-only";
import { db } from "@/lib/db";
import type { AttendanceStatus } from "@/lib/attendance/status";
import { citedStepSelect, toIsoDate } from "./mappers";
import { getVersionText, listSourceVersions, type SourceVersionDTO } from "./source-versions";

export type SourceDTO = {
  id: number;
  title: string;
  publisher: string;
  url: string;
  /** YYYY-MM-DD or null when the publication date is unknown. */
  publishedOn: string | null;
  dateNote: string;
  text: string;
  /** The number of the version `text` is (see getSourceVersions). */
  textVersion: number;
  addedAt: string;
};

/** A passage of the source that one or more steps cite. */
export type CitedPassageDTO = {
  start: number;
  end: number;
  quote: string;
  /** The steps citing it, current ones first. */
  entries: {
    citationId: number;
    attendanceId: number;
    stepId: number;
    leaderName: string;
    eventSlug: string;
    /** The citing step's status and as-of date. */
    status: AttendanceStatus;
    asOf: string | null;
    /** The step is its entry's current one (else a past step of its story). */
    current: boolean;
  }[];
};

export async function getSource(id: number): Promise<SourceDTO | null> {
  const row = await db.source.findUnique({ where: { id } });
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    publisher: row.publisher,
    url: row.url,
    publishedOn: row.publishedOn ? toIsoDate(row.publishedOn) : null,
    dateNote: row.dateNote,
    text: row.text,
    textVersion: row.textVersion,
    addedAt: row.addedAt.toISOString(),
  };
}

/**
 * The source's cited passages in text order, from every step of every story; citations of the
 * same span are grouped. A citation whose quote is lost from the text has no passage here.
 * With `inVersion`, the passages of an older text instead: the citations orphaned by the edit
 * that replaced it, whose offsets still index into it.
 */
export async function listCitedPassages(
  sourceId: number,
  inVersion?: number,
): Promise<CitedPassageDTO[]> {
  const rows = await db.citation.findMany({
    where:
      inVersion === undefined
        ? { sourceId, lost: false }
        : { sourceId, lost: true, review: "orphaned", anchoredVersion: inVersion },
    orderBy: [{ start: "asc" }, { end: "asc" }, { id: "asc" }],
    select: {
      id: true,
      start: true,
      end: true,
      quote: true,
      step: citedStepSelect,
    },
  });
  const passages: CitedPassageDTO[] = [];
  for (const row of rows) {
    const { step } = row;
    const entry = {
      citationId: row.id,
      attendanceId: step.attendance.id,
      stepId: step.id,
      leaderName: step.attendance.leader.name,
      eventSlug: step.attendance.event.slug,
      status: step.status,
      asOf: step.asOf ? toIsoDate(step.asOf) : null,
      current: step.attendance.currentStepId === step.id,
    };
    const last = passages.at(-1);
    if (last && last.start === row.start && last.end === row.end) last.entries.push(entry);
    else passages.push({ start: row.start, end: row.end, quote: row.quote, entries: [entry] });
  }
  for (const passage of passages) {
    passage.entries.sort((a, b) => Number(b.current) - Number(a.current));
  }
  return passages;
}

/** Every version of a source's text, newest first; null if there is no such source. */
export async function getSourceVersions(id: number): Promise<SourceVersionDTO[] | null> {
  const source = await db.source.findUnique({
    where: { id },
    select: { id: true, textVersion: true, addedAt: true },
  });
  return source ? listSourceVersions(db, source) : null;
}

/** A source's text as it stood in version `number`, with that version's dates. */
export async function getSourceAsItStood(
  id: number,
  number: number,
): Promise<{ source: SourceDTO; version: SourceVersionDTO; latest: number; text: string } | null> {
  const row = await db.source.findUnique({ where: { id } });
  if (!row) return null;
  const versions = await listSourceVersions(db, row);
  const version = versions.find((v) => v.number === number);
  const text = version ? await getVersionText(db, row, number) : null;
  if (!version || text === null) return null;
  const source = await getSource(id);
  return source ? { source, version, latest: row.textVersion, text } : null;
}
