/**
 * The words for what a source says about a leader and an event, in one place: the statuses a
 * source gives before the event (a plan), the outcomes it reports after it, their tenses, and
 * the headings a list takes once the event has started.
 */

/** The statuses an attendance entry can have, in the order readers see them. */
export const ATTENDANCE_STATUSES = ["confirmed", "reported", "declined"] as const;

export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const STATUS_LABELS: Record<AttendanceStatus, string> = {
  confirmed: "Confirmed",
  reported: "Reported",
  declined: "Declined",
};

/** Whether a claim about the event is read before it is over ("will") or after ("would"). */
export type Tense = "future" | "past";

const STATUS_DESCRIPTIONS_BY_TENSE: Record<Tense, Record<AttendanceStatus, string>> = {
  future: {
    confirmed: "The source states the leader will attend.",
    reported: "The source reports an intention to attend, not yet confirmed.",
    declined: "The source states the leader will not attend.",
  },
  past: {
    confirmed: "The source stated the leader would attend.",
    reported: "The source reported an intention to attend, not confirmed.",
    declined: "The source stated the leader would not attend.",
  },
};

/** What each status claims, for legends and screen readers, while the event is ahead. */
export const STATUS_DESCRIPTIONS = STATUS_DESCRIPTIONS_BY_TENSE.future;

/**
 * The tense a plan's description takes: past once the event's last day is behind `today` (the
 * reader's day, or the day a list is shown for), or when the step itself is dated after it.
 */
export function statusTense(
  event: { endDate: string },
  today: string,
  stepDay?: string | null,
): Tense {
  return today > event.endDate || (stepDay != null && stepDay > event.endDate) ? "past" : "future";
}

export function describeStatus(status: AttendanceStatus, tense: Tense): string {
  return STATUS_DESCRIPTIONS_BY_TENSE[tense][status];
}

export function isAttendanceStatus(value: unknown): value is AttendanceStatus {
  return typeof value === "string" && (ATTENDANCE_STATUSES as readonly string[]).includes(value);
}

/** What a source reports happened, once the event took place. */
export const ATTENDANCE_OUTCOMES = ["attended", "partly_attended", "did_not_attend"] as const;

export type AttendanceOutcome = (typeof ATTENDANCE_OUTCOMES)[number];

export const OUTCOME_LABELS: Record<AttendanceOutcome, string> = {
  attended: "Attended",
  partly_attended: "Partly attended",
  did_not_attend: "Did not attend",
};

export const OUTCOME_DESCRIPTIONS: Record<AttendanceOutcome, string> = {
  attended: "The source reports the leader attended.",
  partly_attended: "The source reports the leader took part in only some of the event.",
  did_not_attend: "The source reports the leader did not attend.",
};

export function isAttendanceOutcome(value: unknown): value is AttendanceOutcome {
  return typeof value === "string" && (ATTENDANCE_OUTCOMES as readonly string[]).includes(value);
}

/**
 * The plan an outcome step carries when no plan step comes before it: what the outcome
 * implies the plan was.
 */
export const PLAN_OF_OUTCOME: Record<AttendanceOutcome, AttendanceStatus> = {
  attended: "confirmed",
  partly_attended: "confirmed",
  did_not_attend: "declined",
};

/**
 * Where an entry stands in a list once its event has started: its outcome, or, with none
 * reported yet, its plan ("Confirmed, no report of attendance yet").
 */
export type Standing = AttendanceOutcome | `unreported_${AttendanceStatus}`;

export const STANDINGS: readonly Standing[] = [
  ...ATTENDANCE_OUTCOMES,
  ...ATTENDANCE_STATUSES.map((s) => `unreported_${s}` as const),
];

export const STANDING_LABELS: Record<Standing, string> = {
  ...OUTCOME_LABELS,
  unreported_confirmed: "Confirmed, no report of attendance yet",
  unreported_reported: "Reported, no report of attendance yet",
  unreported_declined: "Declined, no report of attendance",
};

export const standingOf = (entry: {
  status: AttendanceStatus;
  outcome: AttendanceOutcome | null;
}): Standing => entry.outcome ?? `unreported_${entry.status}`;

/** The event has begun on `day` (YYYY-MM-DD): the list leads with outcomes from then on. */
export const eventStarted = (event: { date: string }, day: string) => day >= event.date;

/** Any day from the first to the last: the as-of view reads it as "during the event". */
export const duringEvent = (event: { date: string; endDate: string }, day: string) =>
  day >= event.date && day <= event.endDate;

/** A step's claim in words: its outcome's label, else its status's. */
export function claimLabel(step: { status: string; outcome?: string | null }): string {
  if (isAttendanceOutcome(step.outcome)) return OUTCOME_LABELS[step.outcome];
  return isAttendanceStatus(step.status) ? STATUS_LABELS[step.status] : step.status;
}

/** "Declined: represented by Defence Minister Rajnath Singh". */
export function representedBy(representative: { name: string; office: string }): string {
  return `represented by ${representative.office ? `${representative.office} ` : ""}${representative.name}`;
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
