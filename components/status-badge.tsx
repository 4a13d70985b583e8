import { STATUS_LABELS, type AttendanceStatus } from "@/lib/attendance/status";

export type StatusBadgeProps = { status: AttendanceStatus };

/**
 * A status in words with a distinct shape (tick, question mark, cross): never colour alone.
 * Its look, icon included, is the `status-badge` classes in app/globals.css: a badge is on
 * every row of a list, and an inline icon made a fifth of each row's markup.
 */
export function StatusBadge({ status }: StatusBadgeProps) {
  return <span className={`status-badge status-badge-${status}`}>{STATUS_LABELS[status]}</span>;
}

/** The status's icon as inline SVG, where it stands alone (counts, the entry form's choices). */
export function StatusIcon({ status }: StatusBadgeProps) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" className="status-icon">
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
