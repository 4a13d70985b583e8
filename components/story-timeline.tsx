import type { StoryStepDTO } from "@/lib/data/history";
import { urlWithTextFragment } from "@/lib/quotes/text-fragment";
import { formatDay } from "./format";
import { StatusBadge } from "./status-badge";

export type StoryTimelineProps = { steps: StoryStepDTO[] };

/** Each status the entry has had, in the order the sources date them. */
export function StoryTimeline({ steps }: StoryTimelineProps) {
  if (steps.length === 0) return <p>No status has been recorded yet.</p>;
  return (
    <ol className="relative space-y-6 border-l-2 border-slate-300 pl-6 dark:border-slate-700">
      {steps.map((step) => (
        <li key={step.id} className="relative">
          <span
            aria-hidden="true"
            className="absolute top-1.5 -left-[1.95rem] h-3 w-3 rounded-full border-2 border-slate-500 bg-white dark:bg-slate-950"
          />
          <p className="flex flex-wrap items-center gap-2">
            <StatusBadge status={step.status} />
            <span className="text-sm text-slate-700 dark:text-slate-300">
              {step.asOf ? (
                <>
                  as of <time dateTime={step.asOf}>{formatDay(step.asOf)}</time>
                </>
              ) : (
                <>
                  undated; recorded{" "}
                  <time dateTime={step.recordedAt}>{formatDay(step.recordedAt)}</time>
                </>
              )}
            </span>
          </p>
          {step.citations.length > 0 && (
            <ul className="mt-2 space-y-1 text-sm">
              {step.citations.map((c, i) => (
                <li key={i}>
                  <q className="font-serif">{c.quote}</q>{" "}
                  <span className="text-slate-600 dark:text-slate-400">— {c.source}</span>
                  {c.url && (
                    <>
                      {" "}
                      <a
                        href={urlWithTextFragment(c.url, c.quote)}
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
          )}
        </li>
      ))}
    </ol>
  );
}
