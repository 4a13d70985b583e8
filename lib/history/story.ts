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
 * Whether sources disagree about `step`: another step of the same effective day gives a
 * different status. Asked of the step in force (the current one, or the one on a day).
 */
export function sourcesDisagreeOn(steps: readonly StoryStep[], step: StoryStep | null): boolean {
  if (!step) return false;
  const day = effectiveDay(step);
  return steps.some((s) => effectiveDay(s) === day && s.status !== step.status);
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
