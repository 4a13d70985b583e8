import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { EventView } from "@/components/event-view";
import { formatDay } from "@/components/format";
import { getEventView } from "@/lib/data/attendance";
import { getEventBySlug, getRenamedEventSlug } from "@/lib/data/events";
import { eventAlternates } from "@/lib/seo";
import { UNFILTERED_QUERY } from "@/lib/validation/attendance-query";

type EventPageProps = { params: Promise<{ slug: string }> };

// The unfiltered list: rendered on first request, then served from the cache until an edit
// revalidates it (lib/actions/revalidate.ts). A request with filters is rewritten to
// ./per-request (lib/cache/cached-routes.mjs), which renders per request.
// Once the event's first day comes the list leads with outcomes, and once its last day has
// passed a plan reads in the past tense: the page is rendered again at least hourly, edits or
// not, as the home page is.
export const revalidate = 3600;

export async function generateStaticParams() {
  return [];
}

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
    alternates: eventAlternates(event),
    openGraph: { type: "website", siteName: "Rollcall", title, description, url },
    twitter: { card: "summary_large_image", title, description },
  };
}

export default async function EventPage({ params }: EventPageProps) {
  const { slug } = await params;
  const view = await getEventView(slug, UNFILTERED_QUERY);
  if (!view) {
    // A former address (the slug was changed): cached as a redirect until that event changes.
    const renamed = await getRenamedEventSlug(slug);
    if (renamed) permanentRedirect(`/events/${renamed}`);
    notFound();
  }
  return <EventView {...view} query={UNFILTERED_QUERY} path={`/events/${view.event.slug}`} />;
}
