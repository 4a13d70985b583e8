import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDayRange } from "@/components/format";
import { StatusIcon } from "@/components/status-badge";
import { ATTENDANCE_STATUSES, STATUS_LABELS } from "@/lib/attendance/status";
import { listEvents, type EventListItem } from "@/lib/data/events";
import { countOf } from "@/lib/text/plural";
import { eventsIndexPage } from "@/lib/cache/cached-routes.mjs";

export const metadata: Metadata = { title: "Events" };

type EventsIndexPageProps = { params: Promise<{ page: string }> };

/**
 * The index of events, `/events` and `/events?page=N`, rewritten here (lib/cache/cached-routes.mjs)
 * so it is cached like the lists: rendered on first request rather than at build (the build has
 * no database), then served from the page cache until an edit of any event or of its counts
 * revalidates every page of it (`/events-index`, lib/actions/revalidate.ts). A page past the
 * last answers 404, which is never stored.
 */
export async function generateStaticParams() {
  return [];
}

// Which events are upcoming follows the date (until an event's last day is over): rendered
// again at least hourly, edits or not.
export const revalidate = 3600;

function EventItem({ event }: { event: EventListItem }) {
  const { counts } = event;
  return (
    <li className="py-3">
      <Link href={`/events/${event.slug}`} className="font-semibold hover:underline">
        {event.name}
      </Link>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        <time dateTime={event.date}>{formatDayRange(event.date, event.endDate)}</time> ·{" "}
        {event.place}
      </p>
      {counts.total === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No leaders yet</p>
      ) : (
        <p className="flex flex-wrap gap-x-4 text-sm text-slate-600 dark:text-slate-400">
          <span>{countOf(counts.total, "leader")}:</span>
          {ATTENDANCE_STATUSES.map((status) => (
            <span key={status} className="inline-flex items-center gap-1">
              <StatusIcon status={status} />
              {counts[status]} {STATUS_LABELS[status].toLowerCase()}
            </span>
          ))}
        </p>
      )}
    </li>
  );
}

export default async function EventsIndexPage({ params }: EventsIndexPageProps) {
  const page = eventsIndexPage((await params).page);
  if (page === null) notFound();
  const { events, hasMore } = await listEvents(page);
  if (page > 1 && events.length === 0) notFound();
  // Newest first, so the upcoming events (the later dates) come before the past ones. An event
  // is upcoming until its last day has passed.
  const groups = [
    { id: "upcoming", title: "Upcoming", events: events.filter((e) => e.upcoming) },
    { id: "past", title: "Past", events: events.filter((e) => !e.upcoming) },
  ].filter((g) => g.events.length > 0);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Events</h1>
      {events.length === 0 ? (
        <p>No events yet.</p>
      ) : (
        groups.map((group) => (
          <section key={group.id} aria-labelledby={`${group.id}-heading`} className="space-y-2">
            <h2 id={`${group.id}-heading`} className="text-xl font-semibold">
              {group.title}
            </h2>
            <ul className="divide-y divide-slate-200 dark:divide-slate-800">
              {group.events.map((event) => (
                <EventItem key={event.id} event={event} />
              ))}
            </ul>
          </section>
        ))
      )}
      <nav aria-label="Pages" className="flex gap-4">
        {page > 1 && <Link href={`/events?page=${page - 1}`}>← Newer events</Link>}
        {hasMore && <Link href={`/events?page=${page + 1}`}>Older events →</Link>}
      </nav>
    </div>
  );
}
