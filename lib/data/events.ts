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
    include: { _count: { select: { attendances: true } } },
  });
  return {
    events: rows
      .slice(0, EVENTS_PAGE_SIZE)
      .map((row) => ({ ...toEventDTO(row), entryCount: row._count.attendances })),
    hasMore: rows.length > EVENTS_PAGE_SIZE,
  };
}

export type EventOption = { id: number; slug: string; name: string; date: string };

/** Events for the entry form's picker, newest first (bounded: the form is not a catalogue). */
export async function listEventOptions(limit = 500): Promise<EventOption[]> {
  const rows = await db.event.findMany({
    orderBy: [{ date: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, slug: true, name: true, date: true },
  });
  return rows.map((r) => ({ ...r, date: r.date.toISOString().slice(0, 10) }));
}
