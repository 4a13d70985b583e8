import type { Metadata } from "next";
import { EventView } from "@/components/event-view";
import { getEventAttendance } from "@/lib/data/attendance";
import { getFeaturedEvent } from "@/lib/data/events";
import { parseAttendanceQuery } from "@/lib/validation/attendance-query";

export const metadata: Metadata = { title: "Who attends" };

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
  return <EventView {...view} query={query} path="/" />;
}
