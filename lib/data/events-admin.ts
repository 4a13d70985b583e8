import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { diffSnapshots } from "@/lib/history/diff";
import { eventSlug } from "@/lib/text/slug";
import type { EventInput } from "@/lib/validation/event";
import { inTransaction, type WriteFailure, type WriteResult } from "./write";
import { toIsoDate } from "./mappers";
import { recordRevision } from "./revisions";
import type { Editor } from "./session";

type Tx = Prisma.TransactionClient;

export type EventForEdit = {
  id: number;
  version: number;
  slug: string;
  name: string;
  date: string;
  endDate: string;
  place: string;
  occasion: string;
  pinned: boolean;
  formerSlugs: string[];
  entryCount: number;
  /** The first entries, for the delete section to name. */
  entries: { id: number; leader: string }[];
};

export async function getEventForEdit(id: number): Promise<EventForEdit | null> {
  const row = await db.event.findUnique({
    where: { id },
    include: { formerSlugs: { orderBy: { createdAt: "desc" }, select: { slug: true } } },
  });
  if (!row) return null;
  const [entryCount, entries] = await Promise.all([
    db.attendance.count({ where: { eventId: id } }),
    db.attendance.findMany({
      where: { eventId: id },
      orderBy: { id: "asc" },
      take: 50,
      select: { id: true, leader: { select: { name: true } } },
    }),
  ]);
  return {
    id: row.id,
    version: row.version,
    slug: row.slug,
    name: row.name,
    date: toIsoDate(row.date),
    endDate: toIsoDate(row.endDate),
    place: row.place,
    occasion: row.occasion,
    pinned: row.pinnedAt !== null,
    formerSlugs: row.formerSlugs.map((s) => s.slug),
    entryCount,
    entries: entries.map((e) => ({ id: e.id, leader: e.leader.name })),
  };
}

type EventRow = {
  version: number;
  slug: string;
  name: string;
  date: Date;
  endDate: Date;
  place: string;
  occasion: string;
};

/** What an event is, as a revision stores it. */
const eventSnapshot = (e: EventRow) => ({
  version: e.version,
  name: e.name,
  slug: e.slug,
  date: toIsoDate(e.date),
  endDate: toIsoDate(e.endDate),
  place: e.place,
  occasion: e.occasion,
});

const eventData = (input: EventInput, slug: string) => ({
  name: input.name,
  slug,
  date: new Date(`${input.date}T00:00:00Z`),
  endDate: new Date(`${input.endDate}T00:00:00Z`),
  place: input.place,
  occasion: input.occasion,
});

/** Who holds `slug` now or held it before: an event's current address, or a former one. */
async function slugHolder(tx: Tx, slug: string): Promise<number | null> {
  const current = await tx.event.findUnique({ where: { slug }, select: { id: true } });
  if (current) return current.id;
  const former = await tx.eventSlug.findUnique({ where: { slug }, select: { eventId: true } });
  return former?.eventId ?? null;
}

const slugTaken = (slug: string): WriteFailure => ({
  ok: false,
  kind: "invalid",
  message: "Some fields need attention; see below.",
  errors: {
    slug: [
      `The address /events/${slug} belongs to another event (now or before a rename, so that old links keep working). Choose another.`,
    ],
  },
});

/**
 * The slug to save: the one the editor typed, or else one made from the name and year,
 * numbered (-2, -3, …) past any address in use. Null when the typed one belongs to another
 * event.
 */
async function chooseSlug(tx: Tx, input: EventInput, eventId?: number): Promise<string | null> {
  if (input.slug) {
    const holder = await slugHolder(tx, input.slug);
    return holder === null || holder === eventId ? input.slug : null;
  }
  const base = eventSlug(input.name, input.date);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base.slice(0, 95)}-${n}`;
    const holder = await slugHolder(tx, candidate);
    if (holder === null || holder === eventId) return candidate;
  }
}

export async function createEvent(
  editor: Editor,
  input: EventInput,
): Promise<WriteResult<{ eventId: number; slug: string }>> {
  return inTransaction(editor, "event:edit", async (tx) => {
    const slug = await chooseSlug(tx, input);
    if (!slug) return slugTaken(input.slug);
    const created = await tx.event.create({ data: eventData(input, slug) });
    await recordRevision(tx, editor, {
      entityType: "event",
      entityId: created.id,
      action: "create",
      before: null,
      after: eventSnapshot(created),
      eventId: created.id,
    });
    return { ok: true, eventId: created.id, slug };
  });
}

/** The event as it was at `version`, from the revision that produced that version. */
async function eventAtVersion(tx: Tx, id: number, version: number) {
  const revisions = await tx.revision.findMany({
    where: { entityType: "event", entityId: id },
    orderBy: { id: "desc" },
    select: { after: true },
    take: 200,
  });
  for (const revision of revisions) {
    const after = revision.after ? (JSON.parse(revision.after) as Record<string, unknown>) : null;
    if (after?.version === version) return after;
  }
  return null;
}

/**
 * Someone saved the event after the editor loaded `version`: what they changed (or, when no
 * revision recorded the loaded version, how the editor's input differs from what is saved).
 */
async function eventConflict(
  tx: Tx,
  current: EventRow,
  id: number,
  version: number,
  input: EventInput,
): Promise<WriteFailure> {
  const now = eventSnapshot(current);
  const loaded = (await eventAtVersion(tx, id, version)) ?? {
    ...input,
    slug: input.slug || current.slug,
  };
  return {
    ok: false,
    kind: "conflict",
    message:
      "Someone else saved this event after you opened it. Their changes are listed below; your input is kept. Review it and save again to apply it over theirs.",
    version: current.version,
    changes: diffSnapshots(loaded, now),
  };
}

/** The event a write changed, with every address its pages had, for revalidateEventPages. */
export type ChangedEvent = {
  eventId: number;
  slug: string;
  formerSlugs: string[];
  /** The slug before this change (the same as `slug` unless it changed). */
  previousSlug: string;
};

/**
 * Saves an event. An empty slug is made again from the name and year. A changed slug leaves the old one behind as a former address, which
 * answers with a permanent redirect; taking back one of its own former slugs is allowed.
 */
export async function updateEvent(
  editor: Editor,
  id: number,
  version: number,
  input: EventInput,
): Promise<WriteResult<ChangedEvent>> {
  return inTransaction<ChangedEvent>(editor, "event:edit", async (tx) => {
    const current = await tx.event.findUnique({ where: { id } });
    if (!current)
      return { ok: false, kind: "not-found", message: "This event no longer exists." } as const;
    if (current.version !== version) return eventConflict(tx, current, id, version, input);

    const slug = await chooseSlug(tx, input, id);
    if (!slug) return slugTaken(input.slug);
    if (slug !== current.slug) {
      await tx.eventSlug.deleteMany({ where: { slug } });
      await tx.eventSlug.create({ data: { slug: current.slug, eventId: id } });
    }
    const after = await tx.event.update({
      where: { id },
      data: { ...eventData(input, slug), version: { increment: 1 } },
    });
    await recordRevision(tx, editor, {
      entityType: "event",
      entityId: id,
      action: "update",
      before: eventSnapshot(current),
      after: eventSnapshot(after),
      eventId: id,
      summary: slug !== current.slug ? `/events/${current.slug} now redirects here` : "",
    });
    const former = await tx.eventSlug.findMany({ where: { eventId: id }, select: { slug: true } });
    return {
      ok: true,
      eventId: id,
      slug,
      formerSlugs: [...new Set([current.slug, ...former.map((s) => s.slug)])].filter(
        (s) => s !== slug,
      ),
      previousSlug: current.slug,
    } as const;
  });
}

const MAX_NAMED = 10;

/** Deletes an event that has no entries; otherwise refuses, naming them. */
export async function deleteEvent(
  editor: Editor,
  id: number,
  version: number,
): Promise<WriteResult<ChangedEvent>> {
  return inTransaction<ChangedEvent>(editor, "event:delete", async (tx) => {
    const current = await tx.event.findUnique({
      where: { id },
      include: { formerSlugs: { select: { slug: true } } },
    });
    if (!current)
      return {
        ok: false,
        kind: "not-found",
        message: "This event no longer exists; it may have been deleted already.",
      } as const;
    const n = await tx.attendance.count({ where: { eventId: id } });
    if (n > 0) {
      const named = await tx.attendance.findMany({
        where: { eventId: id },
        orderBy: { id: "asc" },
        take: MAX_NAMED,
        select: { leader: { select: { name: true } } },
      });
      const names = named.map((e) => e.leader.name).join(", ");
      const more = n > MAX_NAMED ? ` and ${n - MAX_NAMED} more` : "";
      return {
        ok: false,
        kind: "invalid",
        message: `${current.name} cannot be deleted: it has ${n} ${n === 1 ? "entry" : "entries"} (${names}${more}). Delete ${n === 1 ? "that entry" : "those entries"} first, or move ${n === 1 ? "it" : "them"} to another event.`,
        errors: {},
      } as const;
    }
    if (current.version !== version) {
      return {
        ok: false,
        kind: "conflict",
        message: "Someone else changed this event meanwhile; reload and try again.",
        version: current.version,
        changes: [],
      } as const;
    }
    await tx.event.delete({ where: { id } });
    await recordRevision(tx, editor, {
      entityType: "event",
      entityId: id,
      action: "delete",
      before: eventSnapshot(current),
      after: null,
      eventId: id,
    });
    return {
      ok: true,
      eventId: id,
      slug: current.slug,
      formerSlugs: current.formerSlugs.map((s) => s.slug),
      previousSlug: current.slug,
    } as const;
  });
}

/**
 * Pins an event to the home page (unpinning whichever was), or with `pinned` false lets the
 * date rule choose again. A pin is a setting of the site, not a field of the event: it does
 * not change the event's version, so nobody's open form goes stale over it.
 */
export async function setEventPinned(
  editor: Editor,
  id: number,
  pinned: boolean,
): Promise<WriteResult<{ slug: string }>> {
  return inTransaction<{ slug: string }>(editor, "event:edit", async (tx) => {
    const current = await tx.event.findUnique({ where: { id } });
    if (!current)
      return { ok: false, kind: "not-found", message: "This event no longer exists." } as const;
    if ((current.pinnedAt !== null) === pinned) return { ok: true, slug: current.slug } as const;
    if (pinned) {
      const others = await tx.event.findMany({
        where: { pinnedAt: { not: null }, id: { not: id } },
        select: { id: true, name: true },
      });
      for (const other of others) {
        await tx.event.update({ where: { id: other.id }, data: { pinnedAt: null } });
        await recordRevision(tx, editor, {
          entityType: "event",
          entityId: other.id,
          action: "update",
          before: { name: other.name, pinned: "yes" },
          after: { name: other.name, pinned: "no" },
          eventId: other.id,
          summary: `Unpinned from the home page: ${current.name} was pinned instead`,
        });
      }
    }
    await tx.event.update({ where: { id }, data: { pinnedAt: pinned ? new Date() : null } });
    await recordRevision(tx, editor, {
      entityType: "event",
      entityId: id,
      action: "update",
      before: { name: current.name, pinned: pinned ? "no" : "yes" },
      after: { name: current.name, pinned: pinned ? "yes" : "no" },
      eventId: id,
      summary: pinned
        ? "Pinned to the home page"
        : "Unpinned from the home page: the date rule chooses again",
    });
    return { ok: true, slug: current.slug } as const;
  });
}
