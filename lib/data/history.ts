import "server-only";
import { db } from "@/lib/db";
import type { AttendanceStatus } from "@/lib/attendance/status";
import { storyOrder } from "@/lib/history/as-of";
import { diffSnapshots, type FieldChange } from "@/lib/history/diff";
import { reanchor, describeAnchorError } from "@/lib/quotes/anchor";
import { conflict, type Touched, type WriteResult } from "./attendance-admin";
import { attendanceSnapshot, recordRevision, type AttendanceSnapshot } from "./revisions";
import type { Editor } from "./session";

type StepCitation = { sourceId: number; source: string; quote: string; start: number; end: number };

export type StoryStepDTO = {
  id: number;
  status: AttendanceStatus;
  asOf: string | null;
  recordedAt: string;
  citations: (StepCitation & { url: string | null })[];
};

/** An entry's story (each status it has had), in story order. */
export async function getStory(attendanceId: number): Promise<StoryStepDTO[]> {
  const steps = await db.statusStep.findMany({ where: { attendanceId }, orderBy: { id: "asc" } });
  const parsed = steps.map((s) => ({
    id: s.id,
    status: s.status,
    asOf: s.asOf ? s.asOf.toISOString().slice(0, 10) : null,
    recordedAt: s.recordedAt.toISOString(),
    citations: JSON.parse(s.citations) as StepCitation[],
  }));
  const sourceIds = [...new Set(parsed.flatMap((s) => s.citations.map((c) => c.sourceId)))];
  const urls = new Map(
    (
      await db.source.findMany({
        where: { id: { in: sourceIds } },
        select: { id: true, url: true },
      })
    ).map((s) => [s.id, s.url]),
  );
  return storyOrder(parsed).map((s) => ({
    ...s,
    citations: s.citations.map((c) => ({ ...c, url: urls.get(c.sourceId) ?? null })),
  }));
}

export type RevisionDTO = {
  id: number;
  entityType: string;
  entityId: number;
  action: string;
  actorName: string;
  createdAt: string;
  summary: string;
  /** What the change is about, e.g. "Xi Jinping · Victory Day Parade". */
  subject: string;
  changes: FieldChange[];
  /** The version the entity had after this change (attendance only), for revert. */
  version: number | null;
};

function toRevisionDTO(row: {
  id: number;
  entityType: string;
  entityId: number;
  action: string;
  actorName: string;
  createdAt: Date;
  summary: string;
  before: string | null;
  after: string | null;
}): RevisionDTO {
  const before = row.before ? (JSON.parse(row.before) as Record<string, unknown>) : null;
  const after = row.after ? (JSON.parse(row.after) as Record<string, unknown>) : null;
  const state = after ?? before ?? {};
  const subject =
    row.entityType === "attendance"
      ? `${String(state.leader ?? "An entry")} · ${String(state.event ?? "")}`
      : row.entityType === "source"
        ? `Source: ${String(state.title ?? row.entityId)}`
        : row.entityType === "leader"
          ? `Leader: ${String(state.name ?? row.entityId)}`
          : row.entityType === "citation"
            ? `Citation for ${String(state.leader ?? row.entityId)}`
            : row.entityType === "event"
              ? `Event: ${String(state.name ?? row.entityId)}`
              : `${row.entityType} ${row.entityId}`;
  return {
    id: row.id,
    entityType: row.entityType,
    entityId: row.entityId,
    action: row.action,
    actorName: row.actorName,
    createdAt: row.createdAt.toISOString(),
    summary: row.summary,
    subject,
    changes: diffSnapshots(before, after),
    version: typeof after?.version === "number" ? after.version : null,
  };
}

const revisionSelect = {
  id: true,
  entityType: true,
  entityId: true,
  action: true,
  actorName: true,
  createdAt: true,
  summary: true,
  before: true,
  after: true,
} as const;

/** The record of edits of one entry, newest first. */
export async function listEntryRevisions(attendanceId: number, take = 100): Promise<RevisionDTO[]> {
  const rows = await db.revision.findMany({
    where: { entityType: "attendance", entityId: attendanceId },
    orderBy: { id: "desc" },
    take,
    select: revisionSelect,
  });
  return rows.map(toRevisionDTO);
}

export const CHANGES_PAGE_SIZE = 30;

/** Recent changes across the site, newest first, a page at a time by keyset. */
export async function listChanges(query: {
  eventSlug?: string;
  actorId?: string;
  before?: number;
  /** One thing's history: its kind and id. */
  about?: { entityType: string; entityId: number };
}): Promise<{ rows: RevisionDTO[]; nextBefore: number | null; eventUnknown: boolean }> {
  let eventId: number | undefined;
  if (query.eventSlug) {
    const event = await db.event.findUnique({
      where: { slug: query.eventSlug },
      select: { id: true },
    });
    if (!event) return { rows: [], nextBefore: null, eventUnknown: true };
    eventId = event.id;
  }
  const rows = await db.revision.findMany({
    where: {
      ...(eventId ? { eventId } : {}),
      ...(query.actorId ? { actorId: query.actorId } : {}),
      ...(query.about ?? {}),
      ...(query.before ? { id: { lt: query.before } } : {}),
    },
    orderBy: { id: "desc" },
    take: CHANGES_PAGE_SIZE + 1,
    select: revisionSelect,
  });
  const page = rows.slice(0, CHANGES_PAGE_SIZE);
  return {
    rows: page.map(toRevisionDTO),
    nextBefore: rows.length > CHANGES_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null,
    eventUnknown: false,
  };
}

/** Editors who have made changes, for the filter on /changes. */
export async function listChangeAuthors(): Promise<{ id: string; name: string }[]> {
  const groups = await db.revision.groupBy({ by: ["actorId"], where: { actorId: { not: null } } });
  const ids = groups.map((g) => g.actorId).filter((id): id is string => id !== null);
  const users = await db.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  return users;
}

/**
 * Restores an entry to the state a past revision recorded. The revert is a new revision, is
 * refused over a newer version like any edit, re-anchors the restored quotes in the sources as
 * they are now, and removes from the story the steps recorded after that revision.
 */
export async function revertAttendance(
  editor: Editor,
  id: number,
  version: number,
  revisionId: number,
): Promise<WriteResult<Touched>> {
  return db.$transaction(async (tx) => {
    const current = await tx.attendance.findUnique({
      where: { id },
      include: { event: { select: { slug: true } }, citations: { select: { sourceId: true } } },
    });
    if (!current)
      return { ok: false, kind: "not-found", message: "This entry no longer exists." } as const;
    if (current.version !== version) return conflict(tx, id, version);
    const target = await tx.revision.findUnique({ where: { id: revisionId } });
    if (!target || target.entityType !== "attendance" || target.entityId !== id || !target.after) {
      return {
        ok: false,
        kind: "invalid",
        message: "That version cannot be restored.",
        errors: {},
      } as const;
    }
    const state = JSON.parse(target.after) as AttendanceSnapshot;

    const leader = await tx.leader.findUnique({
      where: { id: state.leaderId },
      select: { id: true },
    });
    const event = await tx.event.findUnique({
      where: { id: state.eventId },
      select: { id: true, slug: true },
    });
    if (!leader || !event) {
      return {
        ok: false,
        kind: "invalid",
        message: "That version's leader or event no longer exists.",
        errors: {},
      } as const;
    }
    const sources = await tx.source.findMany({
      where: { id: { in: state.citations.map((c) => c.sourceId) } },
      select: { id: true, text: true },
    });
    const texts = new Map(sources.map((s) => [s.id, s.text]));
    const anchors = [];
    for (const c of state.citations) {
      const text = texts.get(c.sourceId);
      const result =
        text === undefined
          ? null
          : reanchor(text, { quote: c.quote, start: c.start, end: c.end, prefix: "", suffix: "" });
      if (!result?.ok) {
        return {
          ok: false,
          kind: "invalid",
          message: `That version cannot be restored: its quote “${c.quote.slice(0, 80)}” ${result ? describeAnchorError(result.error) : "cites a source that no longer exists."}`,
          errors: {},
        } as const;
      }
      anchors.push({ ...result.anchor, sourceId: c.sourceId });
    }

    const before = await attendanceSnapshot(tx, id);
    await tx.attendance.update({
      where: { id },
      data: {
        eventId: event.id,
        leaderId: leader.id,
        status: state.status as AttendanceStatus,
        asOf: state.asOf ? new Date(`${state.asOf}T00:00:00Z`) : null,
        note: state.note,
        version: { increment: 1 },
      },
    });
    await tx.citation.deleteMany({ where: { attendanceId: id } });
    await tx.citation.createMany({
      data: anchors.map((a, position) => ({ attendanceId: id, position, ...a })),
    });
    await tx.statusStep.deleteMany({ where: { attendanceId: id, revisionId: { gt: target.id } } });
    const after = await attendanceSnapshot(tx, id);
    await recordRevision(tx, editor, {
      entityType: "attendance",
      entityId: id,
      action: "revert",
      before,
      after,
      eventId: event.id,
      summary: `Restored the version of ${target.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    });
    return {
      ok: true,
      attendanceId: id,
      eventSlug: event.slug,
      previousEventSlug: current.event.slug,
      sourceIds: [
        ...new Set([
          ...current.citations.map((c) => c.sourceId),
          ...anchors.map((a) => a.sourceId),
        ]),
      ],
    } as const;
  });
}
