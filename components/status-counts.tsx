import {
  ATTENDANCE_OUTCOMES,
  ATTENDANCE_STATUSES,
  STANDINGS,
  STANDING_LABELS,
  STATUS_LABELS,
  type Standing,
} from "@/lib/attendance/status";
import type { StatusCounts as Counts } from "@/lib/data/dto";
import { StatusIcon } from "./status-badge";

export type StatusCountsProps = {
  counts: Counts;
  /** The event has started: count outcomes, and the plans with no outcome reported yet. */
  afterEvent?: boolean;
};

const OUTCOME_SET = new Set<string>(ATTENDANCE_OUTCOMES);

export function StatusCounts({ counts, afterEvent = false }: StatusCountsProps) {
  // After the event: every outcome, and each "no report yet" that has anyone in it.
  const standings = STANDINGS.filter((s) => OUTCOME_SET.has(s) || counts.outcome[s] > 0);
  const iconOf = (s: Standing) => (s.startsWith("unreported_") ? s.slice(11) : s);
  return (
    <dl
      className="flex flex-wrap gap-x-6 gap-y-2"
      aria-label={afterEvent ? "Entries by outcome" : "Entries by status"}
    >
      <div className="flex items-baseline gap-1.5">
        <dt className="text-sm text-slate-600 dark:text-slate-400">Leaders</dt>
        <dd className="text-xl font-semibold tabular-nums">{counts.total}</dd>
      </div>
      {afterEvent
        ? standings.map((standing) => (
            <div key={standing} className="flex items-baseline gap-1.5">
              <dt className="flex items-center gap-1 text-sm text-slate-600 dark:text-slate-400">
                <span
                  aria-hidden="true"
                  className={`status-icon status-icon-${iconOf(standing)}`}
                />
                {STANDING_LABELS[standing]}
              </dt>
              <dd className="text-xl font-semibold tabular-nums">{counts.outcome[standing]}</dd>
            </div>
          ))
        : ATTENDANCE_STATUSES.map((status) => (
            <div key={status} className="flex items-baseline gap-1.5">
              <dt className="flex items-center gap-1 text-sm text-slate-600 dark:text-slate-400">
                <StatusIcon status={status} />
                {STATUS_LABELS[status]}
              </dt>
              <dd className="text-xl font-semibold tabular-nums">{counts[status]}</dd>
            </div>
          ))}
    </dl>
  );
}
