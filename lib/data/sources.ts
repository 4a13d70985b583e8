import "server-only";
import { db } from "@/lib/db";
import type { AttendanceStatus } from "@/lib/attendance/status";
import { toIsoDate } from "./mappers";

export type SourceDTO = {
  id: number;
  title: string;
  publisher: string;
  url: string;
  /** YYYY-MM-DD or null when the publication date is unknown. */
  publishedOn: string | null;
  dateNote: string;
  text: string;
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
    addedAt: row.addedAt.toISOString(),
  };
}

/**
 * The source's cited passages in text order, from every step of every story; citations of the
 * same span are grouped. A citation whose quote is lost from the text has no passage here.
 */
export async function listCitedPassages(sourceId: number): Promise<CitedPassageDTO[]> {
  const rows = await db.citation.findMany({
    where: { sourceId, lost: false },
    orderBy: [{ start: "asc" }, { end: "asc" }, { id: "asc" }],
    select: {
      id: true,
      start: true,
      end: true,
      quote: true,
      step: {
        select: {
          id: true,
          status: true,
          asOf: true,
          attendance: {
            select: {
              id: true,
              currentStepId: true,
              leader: { select: { name: true } },
              event: { select: { slug: true } },
            },
          },
        },
      },
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
