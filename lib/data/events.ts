import "server-only";
import { db } from "@/lib/db";
import type { EventDTO } from "./dto";
import { toEventDTO } from "./mappers";

export async function getEventBySlug(slug: string): Promise<EventDTO | null> {
  const row = await db.event.findUnique({ where: { slug } });
  return row ? toEventDTO(row) : null;
}

/** The event the home page shows: the latest by date. */
export async function getFeaturedEvent(): Promise<EventDTO | null> {
  const row = await db.event.findFirst({ orderBy: [{ date: "desc" }, { id: "desc" }] });
  return row ? toEventDTO(row) : null;
}

export const EVENTS_PAGE_SIZE = 50;

/** Events newest first, a page at a time (there may be tens of thousands). */
export async function listEvents(
  page = 1,
): Promise<{ events: (EventDTO & { entryCount: number })[]; hasMore: boolean }> {
  const rows = await db.event.findMany({
    orderBy: [{ date: "desc" }, { id: "desc" }],
    skip: (page - 1) * EVENTS_PAGE_SIZE,
    take: EVENTS_PAGE_SIZE + 1,
  });
  const events = rows.slice(0, EVENTS_PAGE_SIZE);
  // Counted for this page's events only: Prisma's `_count` groups the whole table first.
  const counts = await db.attendance.groupBy({
    by: ["eventId"],
    where: { eventId: { in: events.map((e) => e.id) } },
    _count: { _all: true },
  });
  const countById = new Map(counts.map((c) => [c.eventId, c._count._all]));
  return {
    events: events.map((row) => ({ ...toEventDTO(row), entryCount: countById.get(row.id) ?? 0 })),
    hasMore: rows.length > EVENTS_PAGE_SIZE,
  };
}

export type EventOption = { id: number; slug: string; name: string; date: string };

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
  const select = { id: true, slug: true, name: true, date: true } as const;
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
  return rows.map((r) => ({ ...r, date: r.date.toISOString().slice(0, 10) }));
}
