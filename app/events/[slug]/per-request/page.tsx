import type { Metadata } from "next";
import { getEditor } from "@/lib/data/session";
import { parseAttendanceQuery } from "@/lib/validation/attendance-query";
import { EventList } from "../event-list";
import { eventListMetadata } from "../event-list-metadata";

type PerRequestEventPageProps = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Rendered per request (a rewrite in lib/cache/cached-routes.mjs; the address bar keeps the public URL): a
// signed-in editor's list (by its session cookie), which is offered "Add a leader", whatever its
// query, and a reader's list by a value it does not know or a search too long to cache. A
// reader's status or sort is a cached view (../view), and their search or day a cached query
// (../query, which proxy.ts rewrites to).
export async function generateMetadata({ params }: PerRequestEventPageProps): Promise<Metadata> {
  return eventListMetadata((await params).slug);
}

export default async function PerRequestEventPage({
  params,
  searchParams,
}: PerRequestEventPageProps) {
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
