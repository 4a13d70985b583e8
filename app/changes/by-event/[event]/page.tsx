import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from "@/lib/text/slug";
import { ChangesView, changesMetadata } from "../../changes-view";

export const metadata: Metadata = changesMetadata;

type ChangesByEventProps = { params: Promise<{ event: string }> };

/**
 * `/changes`, and `/changes?event=<slug>`, for a reader, land here (rewrites in next.config.js;
 * the address bar keeps the public URL): the same for every reader, so rendered on first request
 * rather than at build (the build has no database) and served from the page cache until an edit
 * revalidates it. Every edit revalidates `/changes`, the one tag of all these pages
 * (lib/actions/revalidate.ts). `event` is an event's slug, or `all`. An unknown event is a 404,
 * which is never stored.
 */
export async function generateStaticParams() {
  return [];
}

export default async function ChangesByEvent({ params }: ChangesByEventProps) {
  const { event } = await params;
  const all = event === "all";
  if (!all && (event.length > SLUG_MAX_LENGTH || !SLUG_PATTERN.test(event))) notFound();
  return <ChangesView eventSlug={all ? undefined : event} forEditor={false} unknownEventNotFound />;
}
