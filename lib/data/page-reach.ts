import "server-only";
import { db } from "@/lib/db";

/**
 * Which public pages show a record, for lib/actions/revalidate.ts: a write returns the records
 * it changed, and where those show beyond their own pages is read here, in one query each.
 */

/** The entries, events and sources whose pages show some leaders. */
export type LeaderReach = {
  /** Their entries, and the entries whose story names one of them as a representative. */
  attendanceIds: number[];
  /** Those entries' events, whose lists show the same. */
  eventSlugs: string[];
  /** The sources their own entries cite: a source's page names each passage's leader. */
  sourceIds: number[];
};

export async function getLeaderReach(leaderIds: number[]): Promise<LeaderReach> {
  if (leaderIds.length === 0) return { attendanceIds: [], eventSlugs: [], sourceIds: [] };
  const rows = await db.attendance.findMany({
    where: {
      OR: [
        { leaderId: { in: leaderIds } },
        { steps: { some: { representativeId: { in: leaderIds } } } },
      ],
    },
    select: {
      id: true,
      leaderId: true,
      event: { select: { slug: true } },
      steps: { select: { citations: { select: { sourceId: true } } } },
    },
  });
  const own = rows.filter((row) => leaderIds.includes(row.leaderId));
  return {
    attendanceIds: rows.map((row) => row.id),
    eventSlugs: [...new Set(rows.map((row) => row.event.slug))],
    sourceIds: citedBy(own),
  };
}

/** The entries, leaders and sources whose pages show an event. */
export type EventReach = {
  /** Its entries: an entry's page names its event, with its dates and address. */
  attendanceIds: number[];
  /** Their leaders: a leader's page lists each entry's event, by name and date. */
  leaderIds: number[];
  /** The sources they cite: a source's page links each current passage to the event's list. */
  sourceIds: number[];
};

export async function getEventReach(eventId: number): Promise<EventReach> {
  const rows = await db.attendance.findMany({
    where: { eventId },
    select: {
      id: true,
      leaderId: true,
      steps: { select: { citations: { select: { sourceId: true } } } },
    },
  });
  return {
    attendanceIds: rows.map((row) => row.id),
    leaderIds: [...new Set(rows.map((row) => row.leaderId))],
    sourceIds: citedBy(rows),
  };
}

/**
 * Each source's number of texts: its older ones have pages of their own
 * (/sources/[id]/versions/[n]), and the current one's address redirects to the source's page.
 * A source that no longer exists is left out.
 */
export async function listSourceTextVersions(sourceIds: number[]): Promise<Map<number, number>> {
  if (sourceIds.length === 0) return new Map();
  const rows = await db.source.findMany({
    where: { id: { in: sourceIds } },
    select: { id: true, textVersion: true },
  });
  return new Map(rows.map((row) => [row.id, row.textVersion]));
}

const citedBy = (entries: { steps: { citations: { sourceId: number }[] }[] }[]) => [
  ...new Set(entries.flatMap((e) => e.steps.flatMap((s) => s.citations.map((c) => c.sourceId)))),
];
