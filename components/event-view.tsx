import Link from "next/link";
import type { UnreportedEntryDTO } from "@/lib/data/attendance";
import type { AttendanceDTO, EventDTO, StatusCounts as Counts } from "@/lib/data/dto";
import type { FeaturedRule } from "@/lib/data/events";
import type { EventPhase } from "@/lib/data/attendance";
import { numberFootnotes } from "@/lib/attendance/footnotes";
import { STANDINGS, STANDING_LABELS, STATUS_LABELS, standingOf } from "@/lib/attendance/status";
import type { AttendanceQuery } from "@/lib/validation/attendance-query";
import { AttendanceFilters } from "./attendance-filters";
import { AttendanceList } from "./attendance-list";
import { EmbedDisclosure } from "./embed-disclosure";
import { ExportLinks } from "./export-links";
import { FlagSymbols } from "./flag";
import { formatDay, formatDayRange } from "./format";
import { PrintFootnotes } from "./print-footnotes";
import { StatusCounts } from "./status-counts";
import { StoryChart } from "./story-chart";
import type { StoryChartView } from "@/lib/data/story-chart";
import { UnreportedEntries } from "./unreported-entries";
import { WorldMap } from "./world-map";
import { countOf } from "@/lib/text/plural";

export type EventViewProps = {
  event: EventDTO;
  counts: Counts;
  entries: AttendanceDTO[];
  /** Every entry of the event, whatever the filter: the map shows them all. */
  mapEntries: AttendanceDTO[];
  /** Where the event stands on the list's day: from its first day the list leads with outcomes. */
  phase: EventPhase;
  /** On a past day's list: the entries it leaves out, with no report by then. */
  unreported?: UnreportedEntryDTO[];
  query: AttendanceQuery;
  /** Where the filter form submits: this page's path. */
  path: string;
  /** On the home page: the rule that chose this event. */
  featured?: FeaturedRule;
  /** A signed-in editor is reading (pages rendered per request only): offer to add a leader. */
  editor?: boolean;
  /** The story as a chart; null for an event without entries. */
  chart?: StoryChartView | null;
};

const FEATURED_REASONS: Record<FeaturedRule, string> = {
  pinned: "Featured here because the editors pinned it.",
  upcoming: "Featured here as the next upcoming event.",
  latest: "Featured here as the most recent event: none is upcoming.",
};

function describeFilter(query: AttendanceQuery) {
  const parts = [];
  if (query.status) parts.push(`status ${STATUS_LABELS[query.status].toLowerCase()}`);
  if (query.q) parts.push(`matching “${query.q}”`);
  return parts.join(", ");
}

export function EventView({
  event,
  counts,
  entries,
  mapEntries,
  phase,
  unreported = [],
  query,
  path,
  featured,
  editor = false,
  chart = null,
}: EventViewProps) {
  const filtered = Boolean(query.status || query.q);
  const empty = counts.total === 0 && !query.day;
  const addLeader = editor && (
    <Link
      href={`/admin/entries/new?event=${event.id}`}
      className="inline-block rounded bg-blue-800 px-4 py-2 font-medium text-white no-underline hover:bg-blue-900 dark:bg-blue-300 dark:text-slate-950 print:hidden"
    >
      Add a leader to this event
    </Link>
  );
  const clearHref = query.day ? `${path}?asOf=${query.day}` : path;
  // Numbered in the order the list shows them: grouped by outcome once the event has started.
  const { footnotes, numberOf } = numberFootnotes(
    phase.started
      ? STANDINGS.flatMap((standing) => entries.filter((e) => standingOf(e) === standing))
      : entries,
  );
  const caption = filtered
    ? `${entries.length} of ${countOf(counts.total, "leader")}, ${describeFilter(query)}`
    : countOf(counts.total, "leader");

  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{event.name}</h1>
        <p className="text-slate-700 dark:text-slate-300">
          <time dateTime={event.date}>{formatDayRange(event.date, event.endDate)}</time>
          {` · ${event.place}`}
        </p>
        <p className="text-sm text-slate-600 dark:text-slate-400">{event.occasion}</p>
        {featured && (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {FEATURED_REASONS[featured]} <Link href="/events">All events</Link>
          </p>
        )}
        {addLeader}
      </header>

      {query.day && (
        <p
          role="note"
          className="rounded-lg border border-blue-800 bg-blue-50 p-3 text-blue-950 dark:border-blue-300 dark:bg-slate-900 dark:text-blue-100"
        >
          This is the list as the reports stood at the end of{" "}
          <time dateTime={query.day}>{formatDay(query.day)}</time>
          {phase.during ? ", during the event" : phase.over ? ", after the event" : ""}: each
          leader&apos;s latest status dated on or before that day
          {phase.started ? ", and what a source reported of their attendance by then" : ""}.{" "}
          <Link href={path}>Show the current list</Link>
        </p>
      )}

      <section
        aria-labelledby="counts-heading"
        className="rounded-lg bg-slate-50 p-4 dark:bg-slate-900"
      >
        <h2 id="counts-heading" className="sr-only">
          Counts
        </h2>
        <StatusCounts counts={counts} afterEvent={phase.started} />
      </section>

      <section aria-labelledby="map-heading" className="space-y-3 print:hidden">
        <h2 id="map-heading" className="text-xl font-semibold">
          Where they come from
        </h2>
        {mapEntries.length === 0 && (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            No country is shaded yet: the map fills in as leaders are added.
          </p>
        )}
        <WorldMap entries={mapEntries} afterEvent={phase.started} />
      </section>

      {chart && (
        <section aria-labelledby="story-chart-heading" className="space-y-3">
          <h2 id="story-chart-heading" className="text-xl font-semibold">
            The story so far
          </h2>
          {"chart" in chart ? (
            <StoryChart
              chart={chart.chart}
              id="event-story"
              title={`Each leader's status over time${query.day ? `, up to ${formatDay(query.day)}` : ""}`}
              withCounts
            />
          ) : (
            <p className="text-sm text-slate-700 dark:text-slate-300">
              With {countOf(chart.tooLarge, "leader")}, this event is too large to chart one row per
              leader: the long CSV export has every step of every story.
            </p>
          )}
        </section>
      )}

      <section aria-labelledby="list-heading" className="space-y-4">
        <h2 id="list-heading" className="text-xl font-semibold">
          Attendees
        </h2>
        <AttendanceFilters action={path} query={query} />
        <ExportLinks slug={event.slug} query={query} />
        <EmbedDisclosure
          slug={event.slug}
          eventName={event.name}
          query={{ status: query.status, day: query.day }}
        />
        <p className="text-sm text-slate-700 dark:text-slate-300" role="status">
          {filtered ? (
            <>
              Showing {caption}. <Link href={clearHref}>Clear filters</Link>
            </>
          ) : (
            <>
              {counts.total === 1
                ? "Showing 1 leader."
                : `Showing all ${countOf(counts.total, "leader")}.`}
            </>
          )}
        </p>
        {query.day && <UnreportedEntries entries={unreported} day={query.day} />}
        <FlagSymbols codes={entries.map((entry) => entry.leader.countryCode)} />
        {entries.length > 0 && phase.started ? (
          // Once the event has started the list leads with what happened: a heading per
          // outcome, then the plans no source has reported on yet.
          STANDINGS.map((standing) => {
            const group = entries.filter((e) => standingOf(e) === standing);
            if (group.length === 0) return null;
            return (
              <section
                key={standing}
                aria-labelledby={`standing-${standing}`}
                className="space-y-2"
              >
                <h3 id={`standing-${standing}`} className="text-lg font-semibold">
                  {STANDING_LABELS[standing]} ({group.length})
                </h3>
                <AttendanceList
                  entries={group}
                  caption={`${STANDING_LABELS[standing]}: ${countOf(group.length, "leader")}`}
                  footnotes={numberOf}
                  afterEvent
                />
              </section>
            );
          })
        ) : entries.length > 0 ? (
          <AttendanceList entries={entries} caption={caption} footnotes={numberOf} />
        ) : empty ? (
          <div className="rounded-lg border border-dashed border-slate-400 p-6 text-center">
            <p className="font-medium">No leaders have been added to this event yet.</p>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              Each leader appears here once a news report says whether they attend, with the passage
              that says so.
            </p>
          </div>
        ) : (
          <div className="rounded-lg border border-dashed border-slate-400 p-6 text-center">
            <p className="font-medium">No leaders match these filters.</p>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              Try another spelling, or <Link href={clearHref}>show all leaders</Link>.
            </p>
          </div>
        )}
      </section>

      <PrintFootnotes footnotes={footnotes} />
    </article>
  );
}
