import Link from "next/link";
import { notFound } from "next/navigation";
import { RevisionList } from "@/components/revision-list";
import { FilterSelect } from "@/components/ui/filter-select";
import { listEventOptions } from "@/lib/data/events";
import { listChangeAuthors, listChanges } from "@/lib/data/history";
import { linkRevisions, parseAbout } from "@/lib/data/revision-links";

export const changesMetadata = {
  title: "Recent changes",
  description: "Every change made to Rollcall's lists, newest first: who changed what, and when.",
};

export type ChangesQuery = {
  eventSlug?: string;
  actorId?: string;
  before?: number;
  aboutParam?: string;
  /** A signed-in editor reads: deleted sources' texts are shown too. */
  forEditor: boolean;
  /** An unknown event is a 404 (the cached view: nothing is stored for it), not a message. */
  unknownEventNotFound?: boolean;
};

/**
 * The recent changes, newest first, with their filters: rendered per request by app/changes
 * and, for a reader's whole list or one event's, cached by app/changes/by-event/[event].
 */
export async function ChangesView({
  eventSlug,
  actorId,
  before,
  aboutParam,
  forEditor,
  unknownEventNotFound = false,
}: ChangesQuery) {
  const about = parseAbout(aboutParam);
  const [{ rows, nextBefore, eventUnknown }, events, authors] = await Promise.all([
    listChanges({ eventSlug, actorId, before, about, forEditor }),
    listEventOptions({ limit: 50, includeSlug: eventSlug }),
    listChangeAuthors(),
  ]);
  if (eventUnknown && unknownEventNotFound) notFound();
  const links = await linkRevisions(rows);
  const next = new URLSearchParams({
    ...(eventSlug ? { event: eventSlug } : {}),
    ...(actorId ? { editor: actorId } : {}),
    ...(about ? { about: aboutParam! } : {}),
    ...(nextBefore ? { before: String(nextBefore) } : {}),
  });

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Recent changes</h1>
      <p className="text-slate-700 dark:text-slate-300">
        Every change to the lists, newest first. Entries that were deleted keep their history here.
      </p>
      <form
        method="get"
        role="search"
        aria-label="Filter changes"
        className="grid grid-cols-1 gap-3 sm:grid-cols-[2fr_2fr_auto] sm:items-end"
      >
        <FilterSelect
          id="changes-event"
          name="event"
          label="Event"
          anyLabel="All events (and sources, leaders)"
          options={events.map((e) => ({ value: e.slug, label: `${e.name} (${e.date})` }))}
          defaultValue={eventSlug}
        />
        <FilterSelect
          id="changes-editor"
          name="editor"
          label="Editor"
          anyLabel="All editors"
          options={authors.map((a) => ({ value: a.id, label: a.name }))}
          defaultValue={actorId}
        />
        <button type="submit" className="rounded border border-slate-500 px-4 py-2 font-medium">
          Filter
        </button>
      </form>
      {about && (
        <p role="note">
          The history of one {about.entityType === "attendance" ? "entry" : about.entityType} only.{" "}
          <Link href="/changes">All changes</Link>
        </p>
      )}
      {eventUnknown ? (
        <p>There is no event with that address.</p>
      ) : (
        <RevisionList revisions={rows} showSubject links={links} />
      )}
      <nav aria-label="Pages" className="flex gap-4">
        {before && (
          <Link
            href={`/changes?${new URLSearchParams({ ...(eventSlug ? { event: eventSlug } : {}), ...(actorId ? { editor: actorId } : {}) })}`}
          >
            Newest changes
          </Link>
        )}
        {nextBefore && <Link href={`/changes?${next}`}>Older changes →</Link>}
      </nav>
    </div>
  );
}
