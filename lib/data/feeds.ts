import "server-only";
import { db } from "@/lib/db";
import {
  feedItems,
  type FeedItem,
  type FeedRevision,
  type FeedSource,
} from "@/lib/history/feed-items";
import type { EventDTO } from "./dto";
import { getEventBySlug } from "./events";

/** How many of the latest changes of entries a feed reads: a feed is news, not an archive. */
export const FEED_REVISIONS = 100;

export type FeedData = {
  /** The event, for an event's feed; null for the site's. */
  event: EventDTO | null;
  items: FeedItem[];
  /** Entries that still exist (the others are linked to their history). */
  liveEntries: Set<number>;
};

/** An event's story as its feed reads it, or null for an unknown slug. */
export async function getEventFeed(slug: string): Promise<FeedData | null> {
  const event = await getEventBySlug(slug);
  if (!event) return null;
  return { ...(await readFeed({ eventId: event.id })), event };
}

/** Every event's story, newest changes first. */
export async function getSiteFeed(): Promise<FeedData> {
  return { ...(await readFeed({})), event: null };
}

async function readFeed(where: { eventId?: number }) {
  const rows = await db.revision.findMany({
    where: { entityType: "attendance", ...where },
    orderBy: { id: "desc" },
    take: FEED_REVISIONS,
    select: {
      id: true,
      entityId: true,
      createdAt: true,
      actorName: true,
      before: true,
      after: true,
    },
  });
  const revisions: FeedRevision[] = rows.map((row) => ({
    id: row.id,
    entityId: row.entityId,
    createdAt: row.createdAt,
    actorName: row.actorName,
    before: row.before ? JSON.parse(row.before) : null,
    after: row.after ? JSON.parse(row.after) : null,
  }));
  const sourceIds = new Set<number>();
  for (const r of revisions) {
    for (const state of [r.before, r.after]) {
      for (const step of state?.story ?? [])
        for (const c of step.citations) sourceIds.add(c.sourceId);
    }
  }
  const [sources, entries] = await Promise.all([
    db.source.findMany({
      where: { id: { in: [...sourceIds] } },
      select: { id: true, title: true, publisher: true },
    }),
    db.attendance.findMany({
      where: { id: { in: [...new Set(revisions.map((r) => r.entityId))] } },
      select: { id: true },
    }),
  ]);
  // A source cited once and no longer stored was deleted (a cited source cannot be): its
  // words stay out of the feed, as they stay out of the public /changes.
  const known = new Map<number, FeedSource>([...sourceIds].map((id) => [id, "deleted" as const]));
  for (const s of sources) known.set(s.id, { title: s.title, publisher: s.publisher });
  return {
    items: feedItems(revisions, known),
    liveEntries: new Set(entries.map((e) => e.id)),
  };
}
