import "server-only";
import type { AttendanceOutcome, AttendanceStatus } from "@/lib/attendance/status";
import type {
  AttendanceDTO,
  CitationDTO,
  EventDTO,
  LeaderDTO,
  RepresentativeDTO,
  SourceRefDTO,
} from "./dto";

export const toIsoDate = (date: Date) => date.toISOString().slice(0, 10);

export function toEventDTO(row: {
  id: number;
  slug: string;
  name: string;
  place: string;
  date: Date;
  endDate: Date;
  occasion: string;
}): EventDTO {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    place: row.place,
    date: toIsoDate(row.date),
    endDate: toIsoDate(row.endDate),
    occasion: row.occasion,
  };
}

export function toLeaderDTO(row: LeaderDTO): LeaderDTO {
  return {
    id: row.id,
    name: row.name,
    office: row.office,
    polity: row.polity,
    countryCode: row.countryCode,
  };
}

export const representativeSelect = {
  select: { id: true, name: true, office: true, polity: true },
} as const;

export function toRepresentativeDTO(row: RepresentativeDTO | null): RepresentativeDTO | null {
  return row && { id: row.id, name: row.name, office: row.office, polity: row.polity };
}

export function toSourceRefDTO(row: SourceRefDTO): SourceRefDTO {
  return { id: row.id, title: row.title, publisher: row.publisher, url: row.url };
}

export function toCitationDTO(row: {
  id: number;
  quote: string;
  start: number;
  end: number;
  prefix: string;
  suffix: string;
  source: SourceRefDTO;
  lost: boolean;
  review: string;
  anchoredVersion: number;
}): CitationDTO {
  return {
    id: row.id,
    quote: row.quote,
    start: row.start,
    end: row.end,
    prefix: row.prefix,
    suffix: row.suffix,
    source: toSourceRefDTO(row.source),
    lost: row.lost,
    review: row.review,
    anchoredVersion: row.anchoredVersion,
  };
}

export function toAttendanceDTO(row: {
  id: number;
  eventId: number;
  status: AttendanceStatus;
  outcome: AttendanceOutcome | null;
  representative: RepresentativeDTO | null;
  asOf: Date | null;
  sourcesDisagree: boolean;
  stepNote: string;
  note: string;
  updatedAt: Date;
  version: number;
  leader: LeaderDTO;
  citations: Parameters<typeof toCitationDTO>[0][];
}): AttendanceDTO {
  return {
    id: row.id,
    eventId: row.eventId,
    leader: toLeaderDTO(row.leader),
    status: row.status,
    outcome: row.outcome,
    representative: toRepresentativeDTO(row.representative),
    asOf: row.asOf ? toIsoDate(row.asOf) : null,
    sourcesDisagree: row.sourcesDisagree,
    stepNote: row.stepNote,
    note: row.note,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    citations: row.citations.map(toCitationDTO),
  };
}

/** A citation's step and the entry it belongs to, for lists of citations (source page, review). */
export const citedStepSelect = {
  select: {
    id: true,
    status: true,
    asOf: true,
    attendance: {
      select: {
        id: true,
        currentStepId: true,
        leader: { select: { name: true } },
        event: { select: { name: true, slug: true } },
      },
    },
  },
} as const;

export const citationSelect = {
  id: true,
  quote: true,
  start: true,
  end: true,
  prefix: true,
  suffix: true,
  source: { select: { id: true, title: true, publisher: true, url: true } },
  lost: true,
  review: true,
  anchoredVersion: true,
} as const;

/**
 * The Prisma `include` that gives what toAttendanceDTO needs, and no more: every column read is
 * converted for every row, and the exports read all of them (`leader: true` alone made the
 * whole-site export slower; docs/benchmark.md). The current citations are the current step's.
 */
export const attendanceInclude = {
  leader: { select: { id: true, name: true, office: true, polity: true, countryCode: true } },
  representative: representativeSelect,
  currentStep: {
    select: {
      note: true,
      citations: { orderBy: { position: "asc" }, select: citationSelect },
    },
  },
} as const;

/** A row read with attendanceInclude, its current step's citations and note as its own. */
export function withCurrentCitations<
  T extends {
    currentStep: { note: string; citations: Parameters<typeof toCitationDTO>[0][] } | null;
  },
>(row: T): T & { citations: Parameters<typeof toCitationDTO>[0][]; stepNote: string } {
  return Object.assign(row, {
    citations: row.currentStep?.citations ?? [],
    stepNote: row.currentStep?.note ?? "",
  });
}
