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
  /** The quote is not in its source's current text (see lib/quotes/citation-standing.ts). */
  lost: boolean;
  /** "" as cited; "check": re-found with changed wording; "orphaned": removed by an edit. */
  review: string;
  /** The version of the source's text that start and end index into. */
  anchoredVersion: number;
  /**
   * Set by a view of a past day when the quote is given in an older version of the source's
   * text, the one that stood on that day (lib/data/quotes-on-day.ts).
   */
  inVersion?: number;
};

/** A step of an entry's story: a source's claim of a status as of a date, with its citations. */
export type StepDTO = {
  id: number;
  version: number;
  status: AttendanceStatus;
  /** YYYY-MM-DD, the date the source asserts; null when it gives none. */
  asOf: string | null;
  note: string;
  recordedAt: string;
  recordedBy: string;
  /** The step the entry's current status comes from. */
  current: boolean;
  /** `lost`: the quote is no longer found in its source (kept for the record). */
  citations: (CitationDTO & { lost: boolean })[];
};

export type AttendanceDTO = {
  id: number;
  eventId: number;
  leader: LeaderDTO;
  status: AttendanceStatus;
  /** YYYY-MM-DD, the date the source asserts the status; null when unknown. */
  asOf: string | null;
  /** Steps of the same as-of day give different statuses (the later recorded one counts). */
  sourcesDisagree: boolean;
  note: string;
  updatedAt: string;
  version: number;
  /** The current step's citations. */
  citations: CitationDTO[];
  /** The whole story, in story order, when the read asks for it (API, long CSV). */
  story?: StepDTO[];
};

export type StatusCounts = Record<AttendanceStatus, number> & { total: number };

/** A row of the admin list of entries. */
export type AdminAttendanceRow = {
  id: number;
  leader: string;
  office: string;
  polity: string;
  event: { slug: string; name: string; date: string };
  status: AttendanceStatus;
  asOf: string | null;
  updatedAt: string;
  citationCount: number;
};
