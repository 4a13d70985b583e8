import "server-only";
import { revalidatePath } from "next/cache";
import { EVENTS_INDEX, HOME_PATHS, eventListPaths } from "@/lib/cache/cached-routes.mjs";
import { getFeaturedEvent } from "@/lib/data/events";
import { getEventReach, getLeaderReach, listSourceTextVersions } from "@/lib/data/page-reach";

const revalidateEventList = (slug: string) =>
  eventListPaths(slug).forEach((p) => revalidatePath(p));
/** The home page and the site's share picture, which show the featured event. */
const revalidateHome = () => HOME_PATHS.forEach((p) => revalidatePath(p));

/**
 * A source's cached pages: its own, and one for each of its texts
 * (app/sources/[id]/versions/[number]); the current text's address is cached as its redirect to
 * the source's page until a new text makes it an older one.
 */
function sourcePaths(id: number, textVersion: number): string[] {
  return [
    `/sources/${id}`,
    ...Array.from({ length: textVersion }, (_, i) => `/sources/${id}/versions/${i + 1}`),
  ];
}

/**
 * The cached pages of entries, leaders and sources (app/attendance/[id], app/leaders/[id],
 * app/sources/[id] with its texts' pages, whose count is read here).
 */
async function revalidateRecordPages(records: {
  attendanceIds?: number[];
  leaderIds?: number[];
  sourceIds?: number[];
}) {
  for (const id of new Set(records.attendanceIds)) revalidatePath(`/attendance/${id}`);
  for (const id of new Set(records.leaderIds)) revalidatePath(`/leaders/${id}`);
  const sourceIds = [...new Set(records.sourceIds)];
  const texts = await listSourceTextVersions(sourceIds);
  for (const id of sourceIds) sourcePaths(id, texts.get(id) ?? 1).forEach((p) => revalidatePath(p));
}

/**
 * The public records a write changed (from the data layer's result: ChangedEntry, ChangedStep,
 * ChangedByMerge…): the events whose lists show them, the entries, their leaders, the sources
 * cited.
 */
export type ChangedRecords = {
  eventSlugs?: (string | undefined)[];
  attendanceIds?: number[];
  leaderIds?: number[];
  sourceIds?: number[];
};

/**
 * Makes the public pages of the records a write changed show it at once, and nothing else: the
 * list pages of the events involved (with their searches and days), the home page and the
 * site's share picture only when one of them is the featured event, and the pages of the
 * entries, leaders and sources that show what changed (a source's with the pages of its older
 * texts, whose highlights may name the entry too). The paths are the cached routes' own: the
 * home page's views (HOME_PATHS; next.config.js rewrites "/" to them), an event's lists under
 * every view (eventListPaths).
 */
export async function revalidatePublicPages(changed: ChangedRecords) {
  const eventSlugs = new Set(changed.eventSlugs?.filter((slug) => slug !== undefined));
  const featured = await getFeaturedEvent();
  if (featured && eventSlugs.has(featured.slug)) revalidateHome();
  for (const slug of eventSlugs) revalidateEventList(slug);
  // The index of events shows each event's counts, on one page or another.
  if (eventSlugs.size) revalidatePath(EVENTS_INDEX);
  // The site's feed (/feed.xml, cached as /feeds/all) tells every event's story.
  revalidatePath("/feeds/all");
  await revalidateRecordPages(changed);
  revalidatePath("/changes");
}

/**
 * After a change of leaders themselves (an edit, a merge, a delete): their pages and every
 * page that shows them (getLeaderReach), the entries they represent someone in included; the
 * pages of the sources their entries cite only when a name changed (`renamed`), as a source's
 * page shows nothing else of a leader.
 */
export async function revalidateLeaderPages(
  leaderIds: number[],
  { renamed }: { renamed: boolean },
) {
  const reach = await getLeaderReach(leaderIds);
  await revalidatePublicPages({
    leaderIds,
    attendanceIds: reach.attendanceIds,
    eventSlugs: reach.eventSlugs,
    sourceIds: renamed ? reach.sourceIds : [],
  });
}

/**
 * After a change of an event itself (create, edit, slug, delete, pin): its pages under every
 * address it has had (a former one now redirects), and the home page, whose choice of event
 * may have changed with a date or a pin. After an edit (`edited`), the pages that show the
 * event too (getEventReach): its entries' and their leaders', and, when its address changed,
 * those of the sources they cite, which link to its list. A new event has no entries, a pin
 * shows on the home page only, and an event with entries is never deleted.
 */
export async function revalidateEventPages(
  slugs: string[],
  edited?: { eventId: number; readdressed: boolean },
) {
  for (const slug of new Set(slugs)) revalidateEventList(slug);
  revalidateHome();
  revalidatePath(EVENTS_INDEX);
  revalidatePath("/feeds/all");
  revalidatePath("/changes");
  if (!edited) return;
  const reach = await getEventReach(edited.eventId);
  await revalidateRecordPages({
    attendanceIds: reach.attendanceIds,
    leaderIds: reach.leaderIds,
    sourceIds: edited.readdressed ? reach.sourceIds : [],
  });
}

/**
 * After a source is deleted (never while cited, so it is on no list): its page and its texts'
 * pages answer 404 from now on, and its texts are no longer readable there.
 */
export function revalidateDeletedSource(deleted: { sourceId: number; textVersion: number }) {
  sourcePaths(deleted.sourceId, deleted.textVersion).forEach((p) => revalidatePath(p));
  revalidatePath("/changes");
}
