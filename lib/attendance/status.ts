/** The statuses an attendance entry can have, in the order readers see them. */
export const ATTENDANCE_STATUSES = ["confirmed", "reported", "declined"] as const;

export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const STATUS_LABELS: Record<AttendanceStatus, string> = {
  confirmed: "Confirmed",
  reported: "Reported",
  declined: "Declined",
};

/** What each status claims, for legends and screen readers. */
export const STATUS_DESCRIPTIONS: Record<AttendanceStatus, string> = {
  confirmed: "The source states the leader will attend.",
  reported: "The source reports an intention to attend, not yet confirmed.",
  declined: "The source states the leader will not attend.",
};

export function isAttendanceStatus(value: unknown): value is AttendanceStatus {
  return typeof value === "string" && (ATTENDANCE_STATUSES as readonly string[]).includes(value);
}

export const SORT_KEYS = ["name", "status", "country"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const collator = new Intl.Collator("en", { sensitivity: "base" });

type Sortable = { status: AttendanceStatus; leader: { name: string; polity: string } };

/** Orders entries by the chosen key, then by leader name, so the order is stable. */
export function compareEntries(sort: SortKey) {
  return (a: Sortable, b: Sortable) => {
    let primary = 0;
    if (sort === "status") {
      primary = ATTENDANCE_STATUSES.indexOf(a.status) - ATTENDANCE_STATUSES.indexOf(b.status);
    } else if (sort === "country") {
      primary = collator.compare(a.leader.polity, b.leader.polity);
    }
    return primary || collator.compare(a.leader.name, b.leader.name);
  };
}
