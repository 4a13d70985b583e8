import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { homeMetadata } from "@/lib/seo";
import { parseQueryView } from "@/lib/validation/query-view";
import { FeaturedList } from "../../featured-list";

export const metadata: Metadata = homeMetadata;

type HomeQueryPageProps = { params: Promise<{ query: string }> };

/**
 * A search or a day of the home page (`/?q=…`, `?asOf=…`), which proxy.ts rewrites here for a
 * reader without a session, as it does an event's (app/events/[slug]/query): the same for every
 * reader who asks it, so it is rendered on first request and served from the page cache, bounded
 * with the other searches and days (lib/cache/page-cache.mjs), until an edit of the featured
 * event revalidates them all by their one tag (HOME_PATHS). `query` is the query's one spelling
 * (lib/validation/query-view.ts).
 */
// As the home page's other views: which event is featured depends on the date too.
export const revalidate = 3600;

export async function generateStaticParams() {
  return [];
}

export default async function HomeQueryPage({ params }: HomeQueryPageProps) {
  const query = parseQueryView((await params).query);
  if (!query) notFound();
  return <FeaturedList query={query} />;
}
