import { STATUS_LABELS, type AttendanceStatus } from "@/lib/attendance/status";

export type StatusBadgeProps = { status: AttendanceStatus };

const styles: Record<AttendanceStatus, string> = {
  confirmed:
    "border-emerald-700 bg-emerald-50 text-emerald-900 dark:border-emerald-400 dark:bg-emerald-950 dark:text-emerald-100",
  reported:
    "border-dashed border-amber-700 bg-amber-50 text-amber-900 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100",
  declined:
    "border-slate-600 bg-slate-100 text-slate-900 line-through decoration-1 dark:border-slate-400 dark:bg-slate-800 dark:text-slate-100",
};

/** A status in words with a distinct shape (tick, question mark, cross): never colour alone. */
export function StatusBadge({ status }: StatusBadgeProps) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-sm font-medium whitespace-nowrap ${styles[status]}`}
    >
      <StatusIcon status={status} />
      {STATUS_LABELS[status]}
    </span>
  );
}

export function StatusIcon({ status }: StatusBadgeProps) {
  return (
    <svg
      viewBox="0 0 16 16"
      width="14"
      height="14"
      aria-hidden="true"
      className="shrink-0"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      {status === "confirmed" && (
        <>
          <circle cx="8" cy="8" r="7" strokeWidth="1.5" />
          <path d="M4.5 8.5l2.2 2.2L11.5 5.8" />
        </>
      )}
      {status === "reported" && (
        <>
          <circle cx="8" cy="8" r="7" strokeWidth="1.5" strokeDasharray="2.5 2" />
          <path d="M6 6.2a2 2 0 1 1 2.6 1.9c-.4.2-.6.5-.6.9v.6" />
          <circle cx="8" cy="11.8" r=".6" fill="currentColor" />
        </>
      )}
      {status === "declined" && (
        <>
          <rect x="1" y="1" width="14" height="14" rx="2" strokeWidth="1.5" />
          <path d="M5 5l6 6M11 5l-6 6" />
        </>
      )}
    </svg>
  );
}
