import {
  OUTCOME_LABELS,
  STATUS_LABELS,
  type AttendanceOutcome,
  type AttendanceStatus,
} from "@/lib/attendance/status";

export type StatusBadgeProps = { status: AttendanceStatus };

/**
 * A status in words with a distinct shape (tick, question mark, cross): never colour alone.
 * Its look, icon included, is its status's `status-badge-*` class in app/globals.css, the one
 * class it carries: a badge is on every row of a list, and what it carries is repeated in each
 * row's markup (an inline SVG icon, a second class).
 */
export function StatusBadge({ status }: StatusBadgeProps) {
  return <span className={`status-badge-${status}`}>{STATUS_LABELS[status]}</span>;
}

/** A step's claim: its outcome when it reports one (after the event), else its status. */
export function ClaimBadge({
  status,
  outcome,
}: {
  status: AttendanceStatus;
  outcome: AttendanceOutcome | null;
}) {
  return outcome ? (
    <span className={`status-badge-${outcome}`}>{OUTCOME_LABELS[outcome]}</span>
  ) : (
    <StatusBadge status={status} />
  );
}

/** The status's icon where it stands alone (counts, the entry form's choices); decorative. */
export function StatusIcon({ status }: StatusBadgeProps) {
  return <span aria-hidden="true" className={`status-icon status-icon-${status}`} />;
}

/** "Sources disagree": steps of the same as-of day give different statuses. */
export function DisagreeBadge() {
  return (
    <span className="disagree-badge" title="Sources of the same date give different statuses">
      Sources disagree
    </span>
  );
}
