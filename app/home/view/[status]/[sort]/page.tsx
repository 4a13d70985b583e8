import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { homeMetadata } from "@/lib/seo";
import { parseListView } from "@/lib/validation/attendance-query";
import { FeaturedList } from "../../../featured-list";

export const metadata: Metadata = homeMetadata;

type HomeListViewProps = { params: Promise<{ status: string; sort: string }> };

/**
 * "/", and "/?status=…" or "?sort=…", land here (rewrites in next.config.js; the address bar
 * keeps "/"): the featured event's list, whole or by one status, in one order, the same for
 * every reader. Like an event's views (app/events/[slug]/view) it is rendered on first request
 * rather than at build (the build has no database), then served from the cache until an edit
 * of the featured event revalidates it (HOME_PATHS). `status` is a status or "all".
 */
export async function generateStaticParams() {
  return [];
}

// Which event is featured depends on the date too (the next upcoming one, until its day is
// over), so the page is rendered again at least hourly, edits or not.
export const revalidate = 3600;

export default async function HomeListView({ params }: HomeListViewProps) {
  const { status, sort } = await params;
  const query = parseListView(status, sort);
  if (!query) notFound();
  return <FeaturedList query={query} />;
}
