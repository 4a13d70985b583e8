import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EventView } from "@/components/event-view";
import { formatDay } from "@/components/format";
import { getEventAttendance, listAttendance } from "@/lib/data/attendance";
import { getEventBySlug } from "@/lib/data/events";
import { parseAttendanceQuery } from "@/lib/validation/attendance-query";

type EventPageProps = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: EventPageProps): Promise<Metadata> {
  const event = await getEventBySlug((await params).slug);
  if (!event) return { title: "Event not found" };
  const title = `${event.name}, ${event.place}`;
  const description = `Which world leaders attend the ${event.name} (${event.place}, ${formatDay(event.date)}), with the news passage behind every status.`;
  const url = `/events/${event.slug}`;
  // The image comes from opengraph-image.tsx and twitter-image.tsx beside this page.
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "website", siteName: "Rollcall", title, description, url },
    twitter: { card: "summary_large_image", title, description },
  };
}

export default async function EventPage({ params, searchParams }: EventPageProps) {
  const { slug } = await params;
  const query = parseAttendanceQuery(await searchParams);
  const view = await getEventAttendance(slug, query);
  if (!view) notFound();
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
