import { formatDay } from "@/lib/text/format-day";

/** The step as the guards see it: its date, and whether it reports an outcome or a plan. */
export type GuardedStep = { asOf: string | null; outcome: string | null };

/**
 * Dates that are more likely an editor's slip than a fact, each with why: a step dated before
 * a source it cites was published (the source cannot have said it then), and a plan (confirmed,
 * reported, declined) dated after the event's last day (once it is over, a source reports what
 * happened). Empty when there is nothing to confirm. Undated steps and sources are not checked.
 */
export function stepDateWarnings(
  step: GuardedStep,
  sources: readonly { title: string; publishedOn: string | null }[],
  event: { name: string; endDate: string },
): string[] {
  if (!step.asOf) return [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const source of sources) {
    if (!source.publishedOn || step.asOf >= source.publishedOn || seen.has(source.title)) continue;
    seen.add(source.title);
    warnings.push(
      `The step is dated ${formatDay(step.asOf)}, before “${source.title}” was published (${formatDay(source.publishedOn)}): a source cannot assert a status before it exists. Check the as-of date.`,
    );
  }
  if (!step.outcome && step.asOf > event.endDate) {
    warnings.push(
      `The step claims a plan (confirmed, reported or declined) as of ${formatDay(step.asOf)}, after ${event.name} ended on ${formatDay(event.endDate)}: after the event, record what happened (attended, partly attended, did not attend).`,
    );
  }
  return warnings;
}

/** What the form asks, beside the warnings, to save anyway. */
export const CONFIRM_DATES_LABEL = "Save with this date anyway";
