import type { Metadata } from "next";
import { getEditor } from "@/lib/data/session";
import { parseAttendanceQuery } from "@/lib/validation/attendance-query";
import { EventList } from "../event-list";
import { eventListMetadata } from "../event-list-metadata";

type FilteredEventPageProps = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// `/events/<slug>?q=…` or `?asOf=…` lands here (a rewrite in next.config.js; the address bar
// keeps the public URL) and is rendered per request: a search or a day has too many values to
// cache. A status or a sort alone is cached (../view). So is a signed-in editor's request (by
// its session cookie) rendered here, which is offered "Add a leader".
export async function generateMetadata({ params }: FilteredEventPageProps): Promise<Metadata> {
  return eventListMetadata((await params).slug);
}

export default async function FilteredEventPage({ params, searchParams }: FilteredEventPageProps) {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const search = new URLSearchParams(
    Object.entries(raw).flatMap(([k, v]) => [v ?? []].flat().map((x) => [k, x])),
  );
  const editor = await getEditor();
  return (
    <EventList
      slug={slug}
      query={parseAttendanceQuery(raw)}
      search={search}
      editor={editor !== null}
    />
  );
}
