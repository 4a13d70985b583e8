/**
 * The story of an entry: each status it has had, dated by the as-of date its source asserts
 * (an undated step counts from the day it was recorded). Pure functions over plain steps.
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

/** Steps in story order: by effective day, then in the order they were recorded. */
export function storyOrder<T extends StoryStep>(steps: readonly T[]): T[] {
  return [...steps].sort(
    (a, b) =>
      effectiveDay(a).localeCompare(effectiveDay(b)) ||
      a.recordedAt.localeCompare(b.recordedAt) ||
      a.id - b.id,
  );
}

/**
 * The step in force at the end of `day` (YYYY-MM-DD): the last one, in story order, whose
 * effective day is on or before it. Null when the entry had no status yet.
 */
export function stepAsOf<T extends StoryStep>(steps: readonly T[], day: string): T | null {
  let found: T | null = null;
  for (const step of storyOrder(steps)) {
    if (effectiveDay(step) <= day) found = step;
  }
  return found;
}
