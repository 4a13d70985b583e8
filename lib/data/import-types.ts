import type { AttendanceOutcome, AttendanceStatus } from "@/lib/attendance/status";

/** How a row's quote stands against its stored source. */
export type QuoteCheck = "found" | "reworded" | "not-found" | "ambiguous" | "no-source";

export type ImportClaim = { status: AttendanceStatus; outcome: AttendanceOutcome | null };

/**
 * A leader the import creates. `countryCode` is the file's or the one its country's name gives
 * (lib/geo/country-names.ts); null gives the leader no flag and no place on the map until an
 * editor adds one.
 */
export type NewLeader = {
  name: string;
  office: string;
  polity: string;
  countryCode: string | null;
};

/** One row of the dry run, as the page shows it. */
export type PlannedRow = {
  row: number;
  leaderName: string;
  leader:
    | { kind: "found"; id: number; name: string; via: "name" | "alias" }
    | ({ kind: "new" } & NewLeader)
    | null;
  claim: (ImportClaim & { asOf: string | null }) | null;
  source: { id: number; title: string } | null;
  quote: { check: QuoteCheck; given: string; stored: string | null; places?: number };
  /** add: written on apply; skip: already recorded or a repeat; refuse: see `reasons`. */
  verdict: "add" | "skip" | "refuse";
  reasons: string[];
  warnings: string[];
};

/** A row the apply writes, resolved: what the dry run showed, and nothing else. */
export type AcceptedRow = {
  row: number;
  leader: { id: number } | NewLeader;
  status: AttendanceStatus;
  outcome: AttendanceOutcome | null;
  asOf: string | null;
  note: string;
  sourceId: number;
  /** The source's own words at `start`..`end` of its text as the dry run read it. */
  quote: string;
  start: number;
  end: number;
};

/** What the dry run hands the page: the rows, the counts, and the signed rows to apply. */
export type ImportPreview = {
  layout: "simple" | "long";
  encoding: string;
  separator: string;
  rows: PlannedRow[];
  counts: { add: number; skip: number; refuse: number; newLeaders: number };
  /** The accepted rows, signed for this editor and event (lib/data/import-token.ts). */
  token: string;
};
