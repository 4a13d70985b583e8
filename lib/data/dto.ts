import type { AttendanceOutcome, AttendanceStatus, Standing } from "@/lib/attendance/status";

/** Plain objects the data layer hands out; never Prisma rows. Dates are ISO strings. */
export type EventDTO = {
  id: number;
  slug: string;
  name: string;
  place: string;
  /** YYYY-MM-DD, the first day */
  date: string;
  /** YYYY-MM-DD, the last day: equal to `date` for a one-day event */
  endDate: string;
  occasion: string;
};

export type LeaderDTO = {
  id: number;
  name: string;
  office: string;
  polity: string;
  countryCode: string | null;
};

/** Who represented a leader: a person from the leaders table. */
export type RepresentativeDTO = { id: number; name: string; office: string; polity: string };

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
  /** Set on a step that reports what happened at the event; its status is the plan carried. */
  outcome: AttendanceOutcome | null;
  /** Who the source says represented the leader. */
  representative: RepresentativeDTO | null;
  /** YYYY-MM-DD, the date the source asserts; null when it gives none. */
  asOf: string | null;
  /** A short public qualifier of the step's claim ("in Moscow; did not attend the parade"). */
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
  /** What a source reports happened at the event (the latest outcome step's); null: none yet. */
  outcome: AttendanceOutcome | null;
  /** Who represented the leader, when a step names someone. */
  representative: RepresentativeDTO | null;
  /** YYYY-MM-DD, the date the source asserts the status; null when unknown. */
  asOf: string | null;
  /** Steps of the same as-of day give different statuses (the later recorded one counts). */
  sourcesDisagree: boolean;
  /** The step in force's note: a public qualifier shown beside the status. */
  stepNote: string;
  /** The editors' note on the entry. */
  note: string;
  updatedAt: string;
  version: number;
  /** The current step's citations. */
  citations: CitationDTO[];
  /** The whole story, in story order, when the read asks for it (API, long CSV). */
  story?: StepDTO[];
};

/**
 * Entries by status, and by standing (`outcome`: each outcome, and the plans with no outcome
 * reported yet). Every entry is one leader, counted once: a representative is never an entry.
 */
export type StatusCounts = Record<AttendanceStatus, number> & {
  total: number;
  outcome: Record<Standing, number>;
};

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
