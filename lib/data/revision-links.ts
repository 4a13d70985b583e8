import "server-only";
import { db } from "@/lib/db";

/** Where a change's subject can be read: its page, or its history once it is gone. */
export type RevisionLink = { href: string; deleted: boolean };

type RevisionRef = { id: number; entityType: string; entityId: number };

const history = (r: RevisionRef) => `/changes?about=${r.entityType}-${r.entityId}`;

/**
 * A link for each change to what it is about: the entry, event, leader or source page while
 * it exists; once deleted (or merged away), its own history on /changes, which stays readable,
 * so no link is dead. Looked up in one query per kind for the whole page of changes.
 */
export async function linkRevisions(rows: RevisionRef[]): Promise<Record<number, RevisionLink>> {
  const ids = (type: string) => [
    ...new Set(rows.filter((r) => r.entityType === type).map((r) => r.entityId)),
  ];
  const [entries, events, leaders, sources, citations] = await Promise.all([
    db.attendance.findMany({ where: { id: { in: ids("attendance") } }, select: { id: true } }),
    db.event.findMany({ where: { id: { in: ids("event") } }, select: { id: true, slug: true } }),
    db.leader.findMany({ where: { id: { in: ids("leader") } }, select: { id: true } }),
    db.source.findMany({ where: { id: { in: ids("source") } }, select: { id: true } }),
    db.citation.findMany({
      where: { id: { in: ids("citation") } },
      select: { id: true, step: { select: { attendanceId: true } } },
    }),
  ]);
  const entryIds = new Set(entries.map((e) => e.id));
  const eventSlugs = new Map(events.map((e) => [e.id, e.slug]));
  const leaderIds = new Set(leaders.map((l) => l.id));
  const sourceIds = new Set(sources.map((s) => s.id));
  const citationEntries = new Map(citations.map((c) => [c.id, c.step.attendanceId]));

  const links: Record<number, RevisionLink> = {};
  for (const r of rows) {
    let href: string | undefined;
    if (r.entityType === "attendance" && entryIds.has(r.entityId))
      href = `/attendance/${r.entityId}`;
    if (r.entityType === "event" && eventSlugs.has(r.entityId))
      href = `/events/${eventSlugs.get(r.entityId)}`;
    if (r.entityType === "leader" && leaderIds.has(r.entityId)) href = `/leaders/${r.entityId}`;
    if (r.entityType === "source" && sourceIds.has(r.entityId)) href = `/sources/${r.entityId}`;
    if (r.entityType === "citation" && citationEntries.has(r.entityId))
      href = `/attendance/${citationEntries.get(r.entityId)}`;
    links[r.id] = href ? { href, deleted: false } : { href: history(r), deleted: true };
  }
  return links;
}

const ENTITY_TYPES = ["attendance", "citation", "leader", "source", "event"] as const;

/** `/changes?about=leader-12`: one thing's history (a deleted one's included). */
export function parseAbout(value: string | undefined) {
  const match = /^([a-z]+)-([1-9][0-9]{0,15})$/.exec(value ?? "");
  if (!match || !(ENTITY_TYPES as readonly string[]).includes(match[1]!)) return undefined;
  return { entityType: match[1]!, entityId: Number(match[2]) };
}
