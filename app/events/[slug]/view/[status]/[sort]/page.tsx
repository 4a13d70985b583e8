import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { attendanceQueryToSearchParams, parseListView } from "@/lib/validation/attendance-query";
import { EventList } from "../../../event-list";
import { eventListMetadata } from "../../../event-list-metadata";

type EventListViewProps = { params: Promise<{ slug: string; status: string; sort: string }> };

/**
 * `/events/<slug>?status=…` and `?sort=…` land here (rewrites in next.config.js; the address
 * bar keeps the public URL): a list filtered by one status or sorted is the same for every
 * reader, so like the unfiltered page it is rendered on first request and served from the
 * page cache until an edit of the event revalidates it (every view: lib/actions/revalidate.ts).
 * `status` is a status or "all".
 */
// Once the event's first day comes the list leads with outcomes, and once its last day has
// passed a plan reads in the past tense: the page is rendered again at least hourly, edits or
// not, as the home page is.
export const revalidate = 3600;

export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: EventListViewProps): Promise<Metadata> {
  return eventListMetadata((await params).slug);
}

export default async function EventListView({ params }: EventListViewProps) {
  const { slug, status, sort } = await params;
  const query = parseListView(status, sort);
  if (!query) notFound();
  return <EventList slug={slug} query={query} search={attendanceQueryToSearchParams(query)} />;
}
