import { ATTENDANCE_STATUSES, STATUS_LABELS } from "@/lib/attendance/status";
import type { StatusCounts as Counts } from "@/lib/data/dto";
import { StatusIcon } from "./status-badge";

export type StatusCountsProps = { counts: Counts };

export function StatusCounts({ counts }: StatusCountsProps) {
  return (
    <dl className="flex flex-wrap gap-x-6 gap-y-2" aria-label="Entries by status">
      <div className="flex items-baseline gap-1.5">
        <dt className="text-sm text-slate-600 dark:text-slate-400">Leaders</dt>
        <dd className="text-xl font-semibold tabular-nums">{counts.total}</dd>
      </div>
      {ATTENDANCE_STATUSES.map((status) => (
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
