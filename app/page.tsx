import type { Metadata } from "next";
import { EventView } from "@/components/event-view";
import { getEventAttendance, listAttendance } from "@/lib/data/attendance";
import { getFeaturedEvent } from "@/lib/data/events";
import { parseAttendanceQuery } from "@/lib/validation/attendance-query";

const description =
  "Which world leaders attend the featured event, with the passage of the news report behind every status.";

export const metadata: Metadata = {
  title: "Who attends",
  description,
  openGraph: {
    type: "website",
    siteName: "Rollcall",
    title: "Who attends · Rollcall",
    description,
  },
  twitter: { card: "summary_large_image", title: "Who attends · Rollcall", description },
};

export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = parseAttendanceQuery(await searchParams);
  const featured = await getFeaturedEvent();
  const view = featured ? await getEventAttendance(featured.slug, query) : null;
  if (!view) {
    return (
      <div className="py-12 text-center">
        <h1 className="text-2xl font-bold">No events yet</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          Run <code>npm run db:seed</code> to load the Victory Day parade.
        </p>
      </div>
    );
  }
  const mapEntries =
    query.status || query.q ? await listAttendance(view.event.id, { sort: "name" }) : view.entries;
  return <EventView {...view} mapEntries={mapEntries} query={query} path="/" />;
}
