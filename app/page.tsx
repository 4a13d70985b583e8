import type { Metadata } from "next";
import { EventView } from "@/components/event-view";
import { NoEvents } from "@/components/no-events";
import { getEventView } from "@/lib/data/attendance";
import { getFeaturedChoice } from "@/lib/data/events";
import { getEditor } from "@/lib/data/session";
import { homeMetadata } from "@/lib/seo";
import { parseAttendanceQuery } from "@/lib/validation/attendance-query";

export const metadata: Metadata = homeMetadata;

// The home page for a signed-in editor, or with a search too long to cache or a status or sort
// the list does not know, rendered per request. Otherwise "/" is rewritten to the cached
// app/home/view/[status]/[sort] (next.config.js), or app/home/query/[query] (proxy.ts).
export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = parseAttendanceQuery(await searchParams);
  const [featured, editor] = await Promise.all([getFeaturedChoice(), getEditor()]);
  const view = featured ? await getEventView(featured.event.slug, query) : null;
  if (!view || !featured) return <NoEvents />;
  return (
    <EventView {...view} query={query} path="/" featured={featured.rule} editor={editor !== null} />
  );
}
