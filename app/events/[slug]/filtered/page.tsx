import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EventView } from "@/components/event-view";
import { getEventAttendance } from "@/lib/data/attendance";
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
  return <EventView {...view} query={query} path={`/events/${view.event.slug}`} />;
}
