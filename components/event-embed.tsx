import type { AttendanceDTO, EventDTO, StatusCounts as Counts } from "@/lib/data/dto";
import type { EventPhase } from "@/lib/data/attendance";
import { STATUS_LABELS, type AttendanceStatus } from "@/lib/attendance/status";
import { eventPagePath, type EmbedQuery } from "@/lib/embed/embed-code";
import { countOf } from "@/lib/text/plural";
import { formatDay, formatDayRange } from "./format";
import { ClaimBadge, StatusBadge } from "./status-badge";
import { StatusCounts } from "./status-counts";
import { WorldMap } from "./world-map";

export type EventEmbedProps = {
  event: EventDTO;
  counts: Counts;
  entries: AttendanceDTO[];
  mapEntries: AttendanceDTO[];
  phase: EventPhase;
  query: EmbedQuery & { status?: AttendanceStatus };
};

/**
 * An event's list made to be framed by another site (app/embed): its counts, map and leaders,
 * compact. Every link opens in the top window (`target="_top"`): a reader who follows one
 * leaves the host's iframe for the full page. `data-embed` marks it for the layout's styles
 * (app/globals.css) and for the height it reports (public/embed-frame.js).
 */
export function EventEmbed({ event, counts, entries, mapEntries, phase, query }: EventEmbedProps) {
  const full = eventPagePath(event.slug, query);
  const state = [
    query.status ? `${STATUS_LABELS[query.status]} only` : "",
    query.day ? `as the reports stood at the end of ${formatDay(query.day)}` : "",
  ].filter(Boolean);
  return (
    <article data-embed="" className="space-y-3 p-3 text-sm">
      <header>
        <h1 className="text-lg font-bold tracking-tight">
          <a href={full} target="_top">
            {event.name}
          </a>
        </h1>
        <p className="text-slate-700 dark:text-slate-300">
          <time dateTime={event.date}>{formatDayRange(event.date, event.endDate)}</time> ·{" "}
          {event.place}
          {state.length > 0 && <> · {state.join(", ")}</>}
        </p>
      </header>
      <section aria-label="Counts" className="rounded bg-slate-50 p-2 dark:bg-slate-900">
        <StatusCounts counts={counts} afterEvent={phase.started} />
      </section>
      <section aria-label="Map of where they come from">
        <WorldMap entries={mapEntries} afterEvent={phase.started} linkTarget="_top" />
      </section>
      <section aria-labelledby="embed-list-heading">
        <h2 id="embed-list-heading" className="sr-only">
          Leaders
        </h2>
        {entries.length === 0 ? (
          <p>No leaders {query.status ? "with this status" : "yet"}.</p>
        ) : (
          <ul className="divide-y divide-slate-200 dark:divide-slate-800">
            {entries.map((entry) => (
              <li key={entry.id} className="flex flex-wrap items-center gap-x-2 py-1.5">
                <a href={`/attendance/${entry.id}`} target="_top" className="font-medium">
                  {entry.leader.name}
                </a>
                <span className="text-slate-600 dark:text-slate-400">{entry.leader.polity}</span>
                <span className="ml-auto">
                  {phase.started ? (
                    <ClaimBadge status={entry.status} outcome={entry.outcome} />
                  ) : (
                    <StatusBadge status={entry.status} />
                  )}
                </span>
                {entry.asOf && (
                  <span className="w-full text-xs text-slate-600 dark:text-slate-400">
                    as of {formatDay(entry.asOf)}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <footer className="text-xs text-slate-600 dark:text-slate-400">
        {countOf(entries.length, "leader")} ·{" "}
        <a href={full} target="_top">
          The full list, with the quote behind every status, on Rollcall
        </a>
      </footer>
    </article>
  );
}
