import type { StepDTO } from "@/lib/data/dto";
import { standingLabel } from "@/lib/quotes/citation-standing";
import { citationHref } from "@/lib/quotes/passage-id";
import { urlWithTextFragment } from "@/lib/quotes/text-fragment";
import { formatDay } from "./format";
import { ClaimBadge } from "./status-badge";
import { representedBy } from "@/lib/attendance/status";

export type StoryTimelineProps = { steps: StepDTO[] };

/** How a step is dated, in words: its as-of date, or the day it was recorded when undated. */
export function StepDate({ step }: { step: Pick<StepDTO, "asOf" | "recordedAt"> }) {
  return step.asOf ? (
    <>
      as of <time dateTime={step.asOf}>{formatDay(step.asOf)}</time>
    </>
  ) : (
    <>
      undated; recorded <time dateTime={step.recordedAt}>{formatDay(step.recordedAt)}</time>
    </>
  );
}

/** A step's citations: each quote links to its highlighted passage on the source page. */
export function StepCitations({ step }: { step: StepDTO }) {
  if (step.citations.length === 0) return null;
  return (
    <ul className="mt-2 space-y-1 text-sm">
      {step.citations.map((c) => (
        <li key={c.id}>
          {c.lost ? (
            <>
              <q className="font-serif">{c.quote}</q>{" "}
              <span className="text-slate-600 dark:text-slate-400">
                — {c.source.title} (no longer found in the stored source)
              </span>
            </>
          ) : (
            <>
              {/* A plain link: the passage's #fragment is the target, on a page rendered anew. */}
              <a
                href={citationHref(c)}
                className="font-serif text-blue-800 underline dark:text-blue-300"
              >
                {/* Quotation marks in the text, not <q>: its ::before mark is not part of the
                    link when clicked. */}
                “{c.quote}”
              </a>{" "}
              <span className="text-slate-600 dark:text-slate-400">— {c.source.title}</span>{" "}
              {c.review === "check" && <span className="citation-review">{standingLabel(c)} </span>}
              <a
                href={urlWithTextFragment(c.source.url, c.quote)}
                rel="noopener noreferrer"
                className="text-blue-800 underline dark:text-blue-300"
              >
                original<span className="sr-only"> page of this quote</span>
              </a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The entry's story: each step, in the order the sources date them, the current one marked. */
export function StoryTimeline({ steps }: StoryTimelineProps) {
  if (steps.length === 0) return <p>No status has been recorded yet.</p>;
  return (
    <ol className="relative space-y-6 border-l-2 border-slate-300 pl-6 dark:border-slate-700">
      {steps.map((step) => (
        <li key={step.id} id={`step-${step.id}`} className="relative">
          <span
            aria-hidden="true"
            className={`absolute top-1.5 -left-[1.95rem] h-3 w-3 rounded-full border-2 border-slate-500 ${step.current ? "bg-slate-700 dark:bg-slate-300" : "bg-white dark:bg-slate-950"}`}
          />
          <p className="flex flex-wrap items-center gap-2">
            <ClaimBadge status={step.status} outcome={step.outcome} />
            <span className="text-sm text-slate-700 dark:text-slate-300">
              <StepDate step={step} />
            </span>
            {step.current && (
              <span className="text-sm font-semibold text-slate-800 dark:text-slate-200">
                Current status
              </span>
            )}
          </p>
          {step.note && <p className="mt-1 text-sm">{step.note}</p>}
          {step.representative && (
            <p className="mt-1 text-sm">{representedBy(step.representative).replace(/^r/, "R")}</p>
          )}
          <StepCitations step={step} />
          {step.recordedBy && (
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
              Recorded by {step.recordedBy},{" "}
              <time dateTime={step.recordedAt}>{formatDay(step.recordedAt)}</time>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
