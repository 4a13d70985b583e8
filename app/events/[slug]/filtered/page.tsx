import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { EventView } from "@/components/event-view";
import { getEventAttendance, listAttendance } from "@/lib/data/attendance";
import { getEventBySlug, getRenamedEventSlug } from "@/lib/data/events";
import { getEditor } from "@/lib/data/session";
import { parseAttendanceQuery } from "@/lib/validation/attendance-query";

type FilteredEventPageProps = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// `/events/<slug>?status=…&q=…&sort=…` lands here (a rewrite in next.config.js; the address
// bar keeps the public URL): a filtered list is rendered per request, the bare list is cached.
// So does a signed-in editor's request (by its session cookie), which is offered "Add a leader".
export async function generateMetadata({ params }: FilteredEventPageProps): Promise<Metadata> {
  const event = await getEventBySlug((await params).slug);
  return event ? { title: `${event.name}, ${event.place}` } : { title: "Event not found" };
}

export default async function FilteredEventPage({ params, searchParams }: FilteredEventPageProps) {
  const { slug } = await params;
  const raw = await searchParams;
  const query = parseAttendanceQuery(raw);
  const [view, editor] = await Promise.all([getEventAttendance(slug, query), getEditor()]);
  if (!view) {
    const renamed = await getRenamedEventSlug(slug);
    if (renamed) {
      const search = new URLSearchParams(
        Object.entries(raw).flatMap(([k, v]) => [v ?? []].flat().map((x) => [k, x])),
      );
      permanentRedirect(`/events/${renamed}${search.size ? `?${search}` : ""}`);
    }
    notFound();
  }
  // The map shows the whole event even when the list is filtered.
  const mapEntries =
    query.status || query.q ? await listAttendance(view.event.id, { sort: "name" }) : view.entries;
  return (
    <EventView
      {...view}
      mapEntries={mapEntries}
      query={query}
      path={`/events/${view.event.slug}`}
      editor={editor !== null}
    />
  );
}
