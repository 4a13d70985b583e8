import type { AttendanceDTO, EventDTO } from "@/lib/data/dto";

/** The public, stable JSON shape of an entry (see README, API). */
export function attendanceToJson(entry: AttendanceDTO) {
  return {
    id: entry.id,
    leader: {
      name: entry.leader.name,
      office: entry.leader.office,
      polity: entry.leader.polity,
      countryCode: entry.leader.countryCode,
    },
    status: entry.status,
    asOf: entry.asOf,
    note: entry.note,
    updatedAt: entry.updatedAt,
    citations: entry.citations.map((c) => ({
      quote: c.quote,
      start: c.start,
      end: c.end,
      source: { id: c.source.id, title: c.source.title, url: c.source.url },
    })),
  };
}

export function eventToJson(event: EventDTO) {
  return {
    slug: event.slug,
    name: event.name,
    place: event.place,
    date: event.date,
    occasion: event.occasion,
  };
}

export function jsonError(status: number, message: string) {
  return Response.json({ error: message }, { status });
}
