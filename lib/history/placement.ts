import { STATUS_LABELS, type AttendanceStatus } from "../attendance/status";
import { formatDay } from "../text/format-day";
import { placeStep, type StoryStep } from "./story";

const label = (status: string) => STATUS_LABELS[status as AttendanceStatus] ?? status;
const dated = (step: StoryStep) =>
  step.asOf ? formatDay(step.asOf) : `undated, recorded ${formatDay(step.recordedAt)}`;

/**
 * What saving a step with `candidate`'s status and as-of date does to the story, in a
 * sentence: "This step is older than the current one, 12 April 2025: the current status stays
 * Confirmed." `others` are the entry's other steps (all of them when adding one);
 * `currentStatus` is the entry's status now.
 */
export function describePlacement(
  others: readonly StoryStep[],
  candidate: { status: string; asOf: string | null },
  currentStatus: string | null,
  editing = false,
): string {
  const placement = placeStep(others, candidate);
  if (placement.kind === "first") {
    return `This is the entry's only step: it gives the current status${candidate.status ? `, ${label(candidate.status)}` : ""}.`;
  }
  if (!candidate.status) return "Choose a status to see what this step does to the current one.";
  const other = editing ? "the latest other step" : "the current one";
  const date = dated(placement.current);
  const result = placement.kind === "older" ? placement.current.status : candidate.status;
  const verb = result === currentStatus ? "stays" : "becomes";
  const outcome = `the current status ${verb} ${label(result)}`;
  switch (placement.kind) {
    case "older":
      return `This step is older than ${other}, ${date}: ${outcome}.`;
    case "newer":
      return `This step is newer than ${other}, ${date}: ${outcome}.`;
    case "same-day":
      return placement.disagrees
        ? `This step has the same date as ${other}, ${date}, and another status: ${outcome} (the step recorded later counts) and the entry is marked “sources disagree”.`
        : `This step has the same date and status as ${other}, ${date}: ${outcome}.`;
  }
}
