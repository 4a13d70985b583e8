import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Flag, FlagSymbols } from "@/components/flag";
import { formatDay, formatDayRange } from "@/components/format";
import { ClaimBadge, DisagreeBadge, StatusBadge } from "@/components/status-badge";
import {
  OUTCOME_DESCRIPTIONS,
  describeStatus,
  representedBy,
  statusTense,
} from "@/lib/attendance/status";
import { RevisionList } from "@/components/revision-list";
import { StepCitations, StepDate, StoryTimeline } from "@/components/story-timeline";
import { getAttendance, getAttendanceInContext } from "@/lib/data/attendance";
import { getStory, listEntryRevisions } from "@/lib/data/history";
import { entryStoryChart } from "@/lib/data/story-chart";
import { StoryChart } from "@/components/story-chart";
import { LeaderIdentity } from "@/components/leader-identity";
import { getLeaderIdentity } from "@/lib/data/leader-pages";
import { effectiveDay } from "@/lib/history/story";
import { citationHref } from "@/lib/quotes/passage-id";
import { urlWithTextFragment } from "@/lib/quotes/text-fragment";
import { parseId } from "@/lib/validation/id";

type AttendancePageProps = { params: Promise<{ id: string }> };

// Rendered on first request, then served from the page cache until an edit of the entry, its
// leader, its event or a source it cites revalidates it (lib/actions/revalidate.ts). The
// status's tense and the chart's today follow the date: rendered again at least hourly too.
export const revalidate = 3600;

export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: AttendancePageProps): Promise<Metadata> {
  const id = parseId((await params).id);
  const entry = id ? await getAttendance(id) : null;
  return { title: entry ? `${entry.leader.name} at the ${entry.event.name}` : "Entry not found" };
}

export default async function AttendancePage({ params }: AttendancePageProps) {
  const id = parseId((await params).id);
  const entry = id ? await getAttendanceInContext(id) : null;
  if (!entry) notFound();
  const [story, revisions, identity] = await Promise.all([
    getStory(entry.id, { wordsOfTheirDay: true }),
    listEntryRevisions(entry.id),
    getLeaderIdentity(entry.leader.id),
  ]);
  const current = story.find((step) => step.current);
  // The current status rests only on quotes the source no longer has: say so, not highlight.
  const removedSince = entry.citations
    .map((c) => c.removed?.since ?? null)
    .filter((d) => d !== null);
  const underReview =
    entry.citations.length > 0 && entry.citations.every((c) => c.removed)
      ? { count: entry.citations.length, since: removedSince.sort().at(-1) ?? null }
      : null;
  const sameDay = current
    ? story.filter((step) => effectiveDay(step) === effectiveDay(current))
    : [];

  return (
    <article className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link
          href={`/events/${entry.event.slug}`}
          className="text-blue-800 underline dark:text-blue-300"
        >
          ← {entry.event.name}, {formatDayRange(entry.event.date, entry.event.endDate)}
        </Link>
      </nav>
      <header className="space-y-2">
        <FlagSymbols codes={[entry.leader.countryCode]} />
        <h1 className="flex items-center gap-3 text-2xl font-bold tracking-tight sm:text-3xl">
          <Flag code={entry.leader.countryCode} className="h-6 w-9" />
          {entry.leader.name}
        </h1>
        <p className="text-slate-700 dark:text-slate-300">
          {entry.leader.office}, {entry.leader.polity}
        </p>
        {identity && <LeaderIdentity {...identity} />}
        {entry.outcome && (
          <div className="flex flex-wrap items-center gap-3">
            <ClaimBadge status={entry.status} outcome={entry.outcome} />
            <span className="text-sm text-slate-600 dark:text-slate-400">
              {OUTCOME_DESCRIPTIONS[entry.outcome]}
            </span>
          </div>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <StatusBadge status={entry.status} />
          <span className="text-sm text-slate-600 dark:text-slate-400">
            {describeStatus(
              entry.status,
              statusTense(entry.event, new Date().toISOString().slice(0, 10), entry.asOf),
            )}{" "}
            As of {entry.asOf ? formatDay(entry.asOf) : "an unknown date"}.
          </span>
        </div>
        {entry.stepNote && <p className="text-slate-700 dark:text-slate-300">{entry.stepNote}</p>}
        {entry.representative && (
          <p className="text-slate-700 dark:text-slate-300">
            {representedBy(entry.representative).replace(/^r/, "R")}.
          </p>
        )}
        {entry.note && <p className="text-slate-700 dark:text-slate-300">{entry.note}</p>}
        {underReview && (
          <p
            role="note"
            className="rounded-lg border border-amber-400 bg-amber-50 p-3 text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100"
          >
            {underReview.since ? (
              <>
                The cited {underReview.count === 1 ? "passage was" : "passages were"} removed from
                the source on{" "}
                <time dateTime={underReview.since}>{formatDay(underReview.since)}</time>; under
                review.
              </>
            ) : (
              <>
                The cited {underReview.count === 1 ? "passage is" : "passages are"} no longer found
                in the stored source; under review.
              </>
            )}
          </p>
        )}
      </header>

      {entry.sourcesDisagree && sameDay.length > 1 && (
        <section
          aria-labelledby="disagree-heading"
          className="space-y-3 rounded-lg border border-violet-300 p-4 dark:border-violet-800"
        >
          <h2 id="disagree-heading" className="flex items-center gap-2 font-semibold">
            <DisagreeBadge />
            <span>
              Sources of the same date give different statuses; the one recorded later counts.
            </span>
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2">
            {sameDay.map((step) => (
              <li
                key={step.id}
                className="rounded-md border border-slate-200 p-3 dark:border-slate-800"
              >
                <p className="flex flex-wrap items-center gap-2">
                  <StatusBadge status={step.status} />
                  <span className="text-sm">
                    <StepDate step={step} />
                  </span>
                  {step.current && <span className="text-sm font-semibold">Current status</span>}
                </p>
                <StepCitations step={step} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="citations-heading" className="space-y-4">
        <h2 id="citations-heading" className="text-xl font-semibold">
          Citations of the current status
        </h2>
        <ol className="space-y-4">
          {entry.citations.map((citation, index) => (
            <li
              key={citation.id}
              className="rounded-lg border border-slate-200 p-4 dark:border-slate-800"
            >
              <p className="text-sm font-medium text-slate-600 dark:text-slate-400">
                [{index + 1}] {citation.source.title}, {citation.source.publisher}
                {/* On paper the links cannot be followed: the address is printed instead. */}
                <span className="hidden break-all print:inline">, {citation.source.url}</span>
              </p>
              <blockquote className="mt-2 font-serif text-lg leading-relaxed">
                {citation.before && (
                  <span className="text-slate-500 dark:text-slate-400">…{citation.before}</span>
                )}
                {citation.removed ? (
                  <q className="text-slate-700 dark:text-slate-300">{citation.quote}</q>
                ) : (
                  <mark className="cited-quote rounded-sm bg-amber-100 px-0.5 text-inherit dark:bg-amber-900/60">
                    {citation.quote}
                  </mark>
                )}
                {citation.after && (
                  <span className="text-slate-500 dark:text-slate-400">{citation.after}…</span>
                )}
              </blockquote>
              {citation.removed ? (
                <p className="mt-2 flex flex-wrap gap-4 text-sm">
                  <span>
                    {citation.removed.since
                      ? `Removed from the source on ${formatDay(citation.removed.since)}; under review.`
                      : "No longer found in the stored source; under review."}
                  </span>
                  {!citation.removed.current && (
                    <Link
                      href={`/sources/${citation.source.id}/versions/${citation.removed.version}#passage-${citation.start}-${citation.end}`}
                      className="text-blue-800 underline dark:text-blue-300"
                    >
                      See it in the text as it was cited
                      <span className="sr-only"> (citation {index + 1})</span>
                    </Link>
                  )}
                </p>
              ) : (
                <p className="mt-2 flex flex-wrap gap-4 text-sm">
                  {citation.reworded && (
                    <span className="citation-review">
                      Wording changed in the source
                      {citation.reworded.since ? ` on ${formatDay(citation.reworded.since)}` : ""};
                      under review.
                      {citation.reworded.citedQuote && (
                        <>
                          {" "}
                          As cited: <q>{citation.reworded.citedQuote}</q>
                        </>
                      )}
                    </span>
                  )}
                  <Link
                    href={citationHref(citation)}
                    className="text-blue-800 underline dark:text-blue-300"
                  >
                    See it in the stored article
                    <span className="sr-only"> (citation {index + 1})</span>
                  </Link>
                  <a
                    href={urlWithTextFragment(citation.source.url, citation.quote)}
                    rel="noopener noreferrer"
                    className="text-blue-800 underline dark:text-blue-300"
                  >
                    Open the original page
                    <span className="sr-only"> at this passage (citation {index + 1})</span>
                  </a>
                </p>
              )}
            </li>
          ))}
        </ol>
      </section>

      {story.length > 0 && (
        <section aria-labelledby="entry-chart-heading" className="space-y-3">
          <h2 id="entry-chart-heading" className="sr-only">
            The story as a chart
          </h2>
          <StoryChart
            id="entry-story"
            title={`${entry.leader.name}'s status over time`}
            chart={entryStoryChart({ id: entry.id, leader: entry.leader.name }, story, entry.event)}
          />
        </section>
      )}

      <section aria-labelledby="story-heading" className="space-y-4">
        <h2 id="story-heading" className="text-xl font-semibold">
          How the status came to be
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Each step of the story: a source&apos;s claim, dated as the source asserts it. The latest
          one gives the current status.
        </p>
        <StoryTimeline steps={story} />
      </section>

      <section aria-labelledby="record-heading" className="space-y-4">
        <h2 id="record-heading" className="text-xl font-semibold">
          Record of edits
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          What this site changed, and when. <Link href="/changes">All recent changes</Link>
        </p>
        <RevisionList revisions={revisions} />
      </section>
    </article>
  );
}
