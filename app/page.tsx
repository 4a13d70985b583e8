import type { Metadata } from "next";
import { EventView } from "@/components/event-view";
import { NoEvents } from "@/components/no-events";
import { getEventView } from "@/lib/data/attendance";
import { getFeaturedChoice } from "@/lib/data/events";
import { getEditor } from "@/lib/data/session";
import { homeMetadata } from "@/lib/seo";
import { parseAttendanceQuery } from "@/lib/validation/attendance-query";

export const metadata: Metadata = homeMetadata;

// The home page with a search or a day, or for a signed-in editor, rendered per request.
// Otherwise "/" is rewritten to the cached app/home/view/[status]/[sort] (next.config.js).
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
