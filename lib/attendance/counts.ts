import type { StatusCounts } from "@/lib/data/dto";
import { STANDINGS, standingOf, type AttendanceOutcome, type AttendanceStatus } from "./status";

export function emptyCounts(): StatusCounts {
  return {
    confirmed: 0,
    reported: 0,
    declined: 0,
    total: 0,
    outcome: Object.fromEntries(STANDINGS.map((s) => [s, 0])) as StatusCounts["outcome"],
  };
}

/** Adds `n` entries of a status and outcome to `counts`. */
export function addToCounts(
  counts: StatusCounts,
  entry: { status: AttendanceStatus; outcome: AttendanceOutcome | null },
  n = 1,
): StatusCounts {
  counts[entry.status] += n;
  counts.outcome[standingOf(entry)] += n;
  counts.total += n;
  return counts;
}

/** Counts entries one per leader: a representative is a field of the entry, never an entry. */
export function countEntries(
  entries: readonly { status: AttendanceStatus; outcome: AttendanceOutcome | null }[],
): StatusCounts {
  const counts = emptyCounts();
  for (const entry of entries) addToCounts(counts, entry);
  return counts;
}
