import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EventView } from "@/components/event-view";
import { NoEvents } from "@/components/no-events";
import { getEventView } from "@/lib/data/attendance";
import { getFeaturedChoice } from "@/lib/data/events";
import { homeMetadata } from "@/lib/seo";
import { UNFILTERED_QUERY } from "@/lib/validation/attendance-query";

export const metadata: Metadata = homeMetadata;

type CachedHomePageProps = { params: Promise<{ view: string }> };

/**
 * "/" without filters, rewritten here (next.config.js) so it is cached like an event page:
 * rendered on first request rather than at build (the build has no database), then served from
 * the cache until an edit of the featured event revalidates `/home/all`. `all` is the only view.
 */
export async function generateStaticParams() {
  return [];
}

// Which event is featured depends on the date too (the next upcoming one, until its day is
// over), so the page is rendered again at least hourly, edits or not.
export const revalidate = 3600;

export default async function CachedHomePage({ params }: CachedHomePageProps) {
  if ((await params).view !== "all") notFound();
  const featured = await getFeaturedChoice();
  const view = featured ? await getEventView(featured.event.slug, UNFILTERED_QUERY) : null;
  if (!view || !featured) return <NoEvents />;
  return <EventView {...view} query={UNFILTERED_QUERY} path="/" featured={featured.rule} />;
}
