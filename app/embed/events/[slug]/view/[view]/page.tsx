import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { parseEmbedView } from "@/lib/validation/query-view";
import { EmbedList, embedMetadata } from "../../embed-list";

type EmbedViewPageProps = { params: Promise<{ slug: string; view: string }> };

/**
 * An embed by its state (`/embed/events/<slug>?status=…&asOf=…`, which proxy.ts rewrites here
 * under the state's one spelling, lib/validation/query-view.ts): the same for every site that
 * frames it, so it is rendered on first request and served from the page cache, counted with
 * the searches and days (lib/cache/page-cache.mjs), until an edit of the event revalidates them
 * all (eventListPaths in lib/cache/cached-routes.mjs).
 */
// As the event's lists: once its first day comes the list leads with outcomes.
export const revalidate = 3600;

export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: EmbedViewPageProps): Promise<Metadata> {
  return embedMetadata((await params).slug);
}

export default async function EmbedViewPage({ params }: EmbedViewPageProps) {
  const { slug, view: segment } = await params;
  const view = parseEmbedView(segment);
  if (!view) notFound();
  return <EmbedList slug={slug} {...view} />;
}
