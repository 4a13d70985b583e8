/**
 * The story of an entry: its steps, each a source's claim of a status as of a date (an undated
 * step counts from the day it was recorded). Pure functions over plain steps; the data layer
 * keeps what they derive (current step, sources disagree) on the entry.
 *
 * Two dates, two words: a step's `asOf` is the date its source asserts; a `day` is the day a
 * list is shown for (the URL's `?asOf=`).
 */
export type StoryStep = {
  id: number;
  status: string;
  /** Set on a step that reports what happened at the event; its status is the plan carried. */
  outcome?: string | null;
  /** The leader the step says represented the entry's leader. */
  representativeId?: number | null;
  /** YYYY-MM-DD or null */
  asOf: string | null;
  /** ISO timestamp */
  recordedAt: string;
};

/** The calendar day a step takes effect: its as-of date, else the day it was recorded. */
export const effectiveDay = (step: StoryStep) => step.asOf ?? step.recordedAt.slice(0, 10);

/** Story order: by effective day, then in the order the steps were recorded. */
export function compareSteps(a: StoryStep, b: StoryStep) {
  return (
    effectiveDay(a).localeCompare(effectiveDay(b)) ||
    a.recordedAt.localeCompare(b.recordedAt) ||
    a.id - b.id
  );
}

/** Steps in story order. */
export function storyOrder<T extends StoryStep>(steps: readonly T[]): T[] {
  return [...steps].sort(compareSteps);
}

/**
 * The step in force at the end of `day` (YYYY-MM-DD): the last one, in story order, whose
 * effective day is on or before it. Null when the entry had no status yet.
 */
export function stepOnDay<T extends StoryStep>(steps: readonly T[], day: string): T | null {
  let found: T | null = null;
  for (const step of storyOrder(steps)) {
    if (effectiveDay(step) <= day) found = step;
  }
  return found;
}

/** The current step: the last in story order (the latest as-of date, ties to the later recorded). */
export function currentStep<T extends StoryStep>(steps: readonly T[]): T | null {
  return storyOrder(steps).at(-1) ?? null;
}

/**
 * Whether sources disagree about `step`: another step of the same effective day and kind gives
 * a different claim (another status for a plan, another outcome for an outcome). Asked of the
 * step in force (the current one, or the one on a day).
 */
export function sourcesDisagreeOn(steps: readonly StoryStep[], step: StoryStep | null): boolean {
  if (!step) return false;
  const day = effectiveDay(step);
  const claim = (s: StoryStep) => s.outcome ?? s.status;
  const kind = (s: StoryStep) => (s.outcome ? "outcome" : "plan");
  return steps.some(
    (s) => effectiveDay(s) === day && kind(s) === kind(step) && claim(s) !== claim(step),
  );
}

/**
 * The plan each outcome step carries as its status: the status of the plan step before it in
 * story order, or, with none, what its outcome implies (`implied`). Keyed by step id; plan
 * steps are not in it.
 */
export function carriedPlans<T extends StoryStep>(
  steps: readonly T[],
  implied: (outcome: string) => string,
): Map<number, string> {
  const carried = new Map<number, string>();
  let plan: string | null = null;
  for (const step of storyOrder(steps)) {
    if (step.outcome) carried.set(step.id, plan ?? implied(step.outcome));
    else plan = step.status;
  }
  return carried;
}

/** The last step in story order on or before `day` (all of them without one) that reports an outcome. */
export function outcomeStepOnDay<T extends StoryStep>(steps: readonly T[], day?: string): T | null {
  let found: T | null = null;
  for (const step of storyOrder(steps)) {
    if (day && effectiveDay(step) > day) break;
    if (step.outcome) found = step;
  }
  return found;
}

/**
 * Who represented the leader as of `day` (all steps without one): the latest step naming
 * someone, unless a later step has the leader coming or attending in person (a confirmed or
 * reported plan, or an attended or partly attended outcome, naming no one).
 */
export function representativeOnDay<T extends StoryStep>(
  steps: readonly T[],
  day?: string,
): number | null {
  let found: number | null = null;
  for (const step of storyOrder(steps)) {
    if (day && effectiveDay(step) > day) break;
    if (step.representativeId) found = step.representativeId;
    else if (
      step.outcome
        ? step.outcome !== "did_not_attend"
        : step.status === "confirmed" || step.status === "reported"
    )
      found = null;
  }
  return found;
}

/** What adding (or moving) a step to `candidate` does to the story, for the form to say. */
export type StepPlacement =
  | { kind: "first" }
  | { kind: "newer"; current: StoryStep }
  | { kind: "same-day"; current: StoryStep; disagrees: boolean }
  | { kind: "older"; current: StoryStep };

/**
 * Where a step with `candidate`'s as-of date falls among the other steps, recorded now.
 * `steps` are the entry's steps without the one being edited.
 */
export function placeStep(
  steps: readonly StoryStep[],
  candidate: { asOf: string | null; status: string },
  now = new Date().toISOString(),
): StepPlacement {
  const current = currentStep(steps);
  if (!current) return { kind: "first" };
  const probe = {
    id: Number.MAX_SAFE_INTEGER,
    status: candidate.status,
    asOf: candidate.asOf,
    recordedAt: now,
  };
  const day = effectiveDay(probe);
  const currentDay = effectiveDay(current);
  if (day > currentDay) return { kind: "newer", current };
  if (day < currentDay) return { kind: "older", current };
  return { kind: "same-day", current, disagrees: candidate.status !== current.status };
}
