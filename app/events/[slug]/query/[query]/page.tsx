import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { attendanceQueryToSearchParams } from "@/lib/validation/attendance-query";
import { parseQueryView } from "@/lib/validation/query-view";
import { EventList } from "../../event-list";
import { eventListMetadata } from "../../event-list-metadata";

type EventQueryPageProps = { params: Promise<{ slug: string; query: string }> };

/**
 * A search or a day of an event's list (`/events/<slug>?q=…`, `?asOf=…`), which proxy.ts
 * rewrites here for a reader without a session: the same for every reader who asks it, so it
 * is rendered on first request and served from the page cache, a bounded number of them
 * (lib/cache/page-cache.mjs), until an edit of the event revalidates them all
 * (lib/actions/revalidate.ts). `query` is the query's one spelling (lib/validation/query-view.ts).
 */
// As the event's other lists: once its first day comes the list leads with outcomes, and once
// its last day has passed a plan reads in the past tense.
export const revalidate = 3600;

export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: EventQueryPageProps): Promise<Metadata> {
  return eventListMetadata((await params).slug);
}

export default async function EventQueryPage({ params }: EventQueryPageProps) {
  const { slug, query: segment } = await params;
  const query = parseQueryView(segment);
  if (!query) notFound();
  return <EventList slug={slug} query={query} search={attendanceQueryToSearchParams(query)} />;
}
