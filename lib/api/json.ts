import type { AttendanceDTO, CitationDTO, EventDTO, RepresentativeDTO } from "@/lib/data/dto";
import { citationStanding } from "@/lib/quotes/citation-standing";

const representativeToJson = (r: RepresentativeDTO | null) =>
  r && { name: r.name, office: r.office, polity: r.polity };

/**
 * `review` is null for a quote as cited, "wording-changed" or "orphaned" while it waits for an
 * editor (lib/quotes/citation-standing.ts).
 */
const citationToJson = (c: CitationDTO) => ({
  quote: c.quote,
  start: c.start,
  end: c.end,
  source: { id: c.source.id, title: c.source.title, url: c.source.url },
  review: citationStanding(c),
});

/**
 * The public, stable JSON shape of an entry (see docs/api.md): `citations` are the current
 * step's, `story` every step (as of the list's day, when it has one).
 */
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
    outcome: entry.outcome,
    representedBy: representativeToJson(entry.representative),
    asOf: entry.asOf,
    sourcesDisagree: entry.sourcesDisagree,
    stepNote: entry.stepNote,
    note: entry.note,
    updatedAt: entry.updatedAt,
    citations: entry.citations.map(citationToJson),
    story: (entry.story ?? []).map((step) => ({
      status: step.status,
      outcome: step.outcome,
      representedBy: representativeToJson(step.representative),
      asOf: step.asOf,
      note: step.note,
      recordedAt: step.recordedAt,
      current: step.current,
      citations: step.citations.map((c) => ({ ...citationToJson(c), lost: c.lost })),
    })),
  };
}

export function eventToJson(event: EventDTO) {
  return {
    slug: event.slug,
    name: event.name,
    place: event.place,
    date: event.date,
    endDate: event.endDate,
    occasion: event.occasion,
  };
}

export function jsonError(status: number, message: string) {
  return Response.json({ error: message }, { status });
}
