import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { formatDay } from "@/components/format";
import { listEvents } from "@/lib/data/events";
import { countOf } from "@/lib/text/plural";

export const metadata: Metadata = { title: "Events" };

export default async function EventsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const raw = (await searchParams).page;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(String(raw ?? "1"), 10) || 1));
  const { events, hasMore } = await listEvents(page);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Events</h1>
      {events.length === 0 ? (
        <p>No events on this page.</p>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {events.map((event) => (
            <li key={event.id} className="py-3">
              <Link href={`/events/${event.slug}`} className="font-semibold hover:underline">
                {event.name}
              </Link>
              <p className="text-sm text-slate-600 dark:text-slate-400">
                <time dateTime={event.date}>{formatDay(event.date)}</time> · {event.place} ·{" "}
                {countOf(event.entryCount, "leader")}
              </p>
            </li>
          ))}
        </ul>
      )}
      <nav aria-label="Pages" className="flex gap-4">
        {page > 1 && <Link href={`/events?page=${page - 1}`}>← Newer events</Link>}
        {hasMore && <Link href={`/events?page=${page + 1}`}>Older events →</Link>}
      </nav>
    </div>
  );
}
