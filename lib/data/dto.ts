import type { AttendanceStatus } from "@/lib/attendance/status";

/** Plain objects the data layer hands out; never Prisma rows. Dates are ISO strings. */
export type EventDTO = {
  id: number;
  slug: string;
  name: string;
  place: string;
  /** YYYY-MM-DD */
  date: string;
  occasion: string;
};

export type LeaderDTO = {
  id: number;
  name: string;
  office: string;
  polity: string;
  countryCode: string | null;
};

export type SourceRefDTO = { id: number; title: string; publisher: string; url: string };

export type CitationDTO = {
  id: number;
  quote: string;
  start: number;
  end: number;
  prefix: string;
  suffix: string;
  source: SourceRefDTO;
};

export type AttendanceDTO = {
  id: number;
  eventId: number;
  leader: LeaderDTO;
  status: AttendanceStatus;
  /** YYYY-MM-DD, the date the source asserts the status; null when unknown. */
  asOf: string | null;
  note: string;
  updatedAt: string;
  version: number;
  citations: CitationDTO[];
};

export type StatusCounts = Record<AttendanceStatus, number> & { total: number };
