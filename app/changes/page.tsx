import type { Metadata } from "next";
import { getEditor } from "@/lib/data/session";
import { parseId } from "@/lib/validation/id";
import { ChangesView, changesMetadata } from "./changes-view";

export const metadata: Metadata = changesMetadata;

const first = (v: string | string[] | undefined) =>
  (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/**
 * The recent changes by any filter, or for a signed-in editor, rendered per request. A reader's
 * whole list, or one event's, is rewritten to the cached app/changes/by-event/[event]
 * (lib/cache/cached-routes.mjs).
 */
export default async function ChangesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  return (
    <ChangesView
      eventSlug={first(params.event)?.slice(0, 200)}
      actorId={first(params.editor)?.slice(0, 100)}
      before={parseId(first(params.before)) ?? undefined}
      aboutParam={first(params.about)?.slice(0, 40)}
      forEditor={(await getEditor()) !== null}
    />
  );
}
