import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EventView } from "@/components/event-view";
import { getEventAttendance, listAttendance } from "@/lib/data/attendance";
import { getEventBySlug } from "@/lib/data/events";
import { parseAttendanceQuery } from "@/lib/validation/attendance-query";

type FilteredEventPageProps = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// `/events/<slug>?status=…&q=…&sort=…` lands here (a rewrite in next.config.js; the address
// bar keeps the public URL): a filtered list is rendered per request, the bare list is cached.
export async function generateMetadata({ params }: FilteredEventPageProps): Promise<Metadata> {
  const event = await getEventBySlug((await params).slug);
  return event ? { title: `${event.name}, ${event.place}` } : { title: "Event not found" };
}

export default async function FilteredEventPage({ params, searchParams }: FilteredEventPageProps) {
  const { slug } = await params;
  const query = parseAttendanceQuery(await searchParams);
  const view = await getEventAttendance(slug, query);
  if (!view) notFound();
  // The map shows the whole event even when the list is filtered.
  const mapEntries =
    query.status || query.q ? await listAttendance(view.event.id, { sort: "name" }) : view.entries;
  return (
    <EventView
      {...view}
      mapEntries={mapEntries}
      query={query}
      path={`/events/${view.event.slug}`}
    />
  );
}
