import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EventView } from "@/components/event-view";
import { getEventAttendance } from "@/lib/data/attendance";
import { getEventBySlug } from "@/lib/data/events";
import { parseAttendanceQuery } from "@/lib/validation/attendance-query";

type EventPageProps = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: EventPageProps): Promise<Metadata> {
  const event = await getEventBySlug((await params).slug);
  return event ? { title: `${event.name}, ${event.place}` } : { title: "Event not found" };
}

export default async function EventPage({ params, searchParams }: EventPageProps) {
  const { slug } = await params;
  const query = parseAttendanceQuery(await searchParams);
  const view = await getEventAttendance(slug, query);
  if (!view) notFound();
  return <EventView {...view} query={query} path={`/events/${view.event.slug}`} />;
}
