import "server-only";
import { db } from "@/lib/db";
import type { AttendanceStatus } from "@/lib/attendance/status";
import { toIsoDate } from "./mappers";
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

/** A passage of the source that one or more entries cite. */
export type CitedPassageDTO = {
  start: number;
  end: number;
  quote: string;
  entries: {
    citationId: number;
    attendanceId: number;
    leaderName: string;
    status: AttendanceStatus;
    eventSlug: string;
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

/** The source's cited passages in text order; citations of the same span are grouped. */
export async function listCitedPassages(sourceId: number): Promise<CitedPassageDTO[]> {
  const rows = await db.citation.findMany({
    where: { sourceId },
    orderBy: [{ start: "asc" }, { end: "asc" }, { id: "asc" }],
    include: {
      attendance: {
        select: {
          id: true,
          status: true,
          leader: { select: { name: true } },
          event: { select: { slug: true } },
        },
      },
    },
  });
  const passages: CitedPassageDTO[] = [];
  for (const row of rows) {
    const entry = {
      citationId: row.id,
      attendanceId: row.attendance.id,
      leaderName: row.attendance.leader.name,
      status: row.attendance.status,
      eventSlug: row.attendance.event.slug,
    };
    const last = passages.at(-1);
    if (last && last.start === row.start && last.end === row.end) last.entries.push(entry);
    else passages.push({ start: row.start, end: row.end, quote: row.quote, entries: [entry] });
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
