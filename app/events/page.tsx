import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { formatDayRange } from "@/components/format";
import { StatusIcon } from "@/components/status-badge";
import { ATTENDANCE_STATUSES, STATUS_LABELS } from "@/lib/attendance/status";
import { listEvents, type EventListItem } from "@/lib/data/events";
import { countOf } from "@/lib/text/plural";

export const metadata: Metadata = { title: "Events" };

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

export default async function EventsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const raw = (await searchParams).page;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(String(raw ?? "1"), 10) || 1));
  const { events, hasMore } = await listEvents(page);
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
        <p>{page === 1 ? "No events yet." : "No events on this page."}</p>
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
