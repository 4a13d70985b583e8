import "server-only";
import { db } from "@/lib/db";
import { addToCounts, emptyCounts } from "@/lib/attendance/counts";
import type { EventDTO, StatusCounts } from "./dto";
import { toEventDTO } from "./mappers";

export async function getEventBySlug(slug: string): Promise<EventDTO | null> {
  const row = await db.event.findUnique({ where: { slug } });
  return row ? toEventDTO(row) : null;
}

/**
 * Where an address the event had before its slug changed points now: the current slug, or
 * null when no event ever had it.
 */
export async function getRenamedEventSlug(formerSlug: string): Promise<string | null> {
  const row = await db.eventSlug.findUnique({
    where: { slug: formerSlug },
    select: { event: { select: { slug: true } } },
  });
  return row?.event.slug ?? null;
}

/** Why the home page shows the event it shows. */
export type FeaturedRule = "pinned" | "upcoming" | "latest";

/**
 * Midnight UTC of `now`'s day: an event whose last day is today is still upcoming until the
 * day ends.
 */
const startOfDay = (now: Date) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/**
 * The event the home page features: the one an editor pinned; else the next upcoming one (one
 * under way, or whose last day is today, included: the earliest first day first); else the
 * most recent past one (the latest last day).
 */
export async function getFeaturedChoice(
  now = new Date(),
): Promise<{ event: EventDTO; rule: FeaturedRule } | null> {
  const pinned = await db.event.findFirst({
    where: { pinnedAt: { not: null } },
    orderBy: { pinnedAt: "desc" },
  });
  if (pinned) return { event: toEventDTO(pinned), rule: "pinned" };
  const upcoming = await db.event.findFirst({
    where: { endDate: { gte: startOfDay(now) } },
    orderBy: [{ date: "asc" }, { id: "asc" }],
  });
  if (upcoming) return { event: toEventDTO(upcoming), rule: "upcoming" };
  const latest = await db.event.findFirst({
    orderBy: [{ endDate: "desc" }, { date: "desc" }, { id: "desc" }],
  });
  return latest ? { event: toEventDTO(latest), rule: "latest" } : null;
}

/** The event the home page shows (see getFeaturedChoice). */
export async function getFeaturedEvent(): Promise<EventDTO | null> {
  return (await getFeaturedChoice())?.event ?? null;
}

export const EVENTS_PAGE_SIZE = 50;

export type EventListItem = EventDTO & {
  counts: StatusCounts;
  upcoming: boolean;
  pinned: boolean;
};

/** Events newest first, a page at a time (there may be tens of thousands), with their counts. */
export async function listEvents(
  page = 1,
  now = new Date(),
): Promise<{ events: EventListItem[]; hasMore: boolean }> {
  const rows = await db.event.findMany({
    orderBy: [{ date: "desc" }, { id: "desc" }],
    skip: (page - 1) * EVENTS_PAGE_SIZE,
    take: EVENTS_PAGE_SIZE + 1,
  });
  const events = rows.slice(0, EVENTS_PAGE_SIZE);
  // Counted for this page's events only: Prisma's `_count` groups the whole table first.
  const groups = await db.attendance.groupBy({
    by: ["eventId", "status", "outcome"],
    where: { eventId: { in: events.map((e) => e.id) } },
    _count: { _all: true },
  });
  const countsById = new Map<number, StatusCounts>();
  for (const g of groups) {
    const counts = countsById.get(g.eventId) ?? emptyCounts();
    addToCounts(counts, g, g._count._all);
    countsById.set(g.eventId, counts);
  }
  const today = startOfDay(now);
  return {
    events: events.map((row) => ({
      ...toEventDTO(row),
      counts: countsById.get(row.id) ?? emptyCounts(),
      upcoming: row.endDate >= today,
      pinned: row.pinnedAt !== null,
    })),
    hasMore: rows.length > EVENTS_PAGE_SIZE,
  };
}

export type EventOption = { id: number; slug: string; name: string; date: string; endDate: string };

/**
 * Events for the entry form's picker, newest first (bounded: the form is not a catalogue),
 * plus the event `include` (an edited entry's own) wherever it falls, so an entry of an older
 * event can be edited without losing its event.
 */
export async function listEventOptions({
  limit = 500,
  include,
  includeSlug,
}: { limit?: number; include?: number; includeSlug?: string } = {}): Promise<EventOption[]> {
  const select = { id: true, slug: true, name: true, date: true, endDate: true } as const;
  const rows = await db.event.findMany({
    orderBy: [{ date: "desc" }, { id: "desc" }],
    take: limit,
    select,
  });
  if (include !== undefined && !rows.some((r) => r.id === include)) {
    const own = await db.event.findUnique({ where: { id: include }, select });
    if (own) rows.push(own);
  }
  if (includeSlug !== undefined && !rows.some((r) => r.slug === includeSlug)) {
    const own = await db.event.findUnique({ where: { slug: includeSlug }, select });
    if (own) rows.push(own);
  }
  return rows.map((r) => ({
    ...r,
    date: r.date.toISOString().slice(0, 10),
    endDate: r.endDate.toISOString().slice(0, 10),
  }));
}
