import "server-only";
import { db } from "@/lib/db";
import type { AttendanceOutcome, AttendanceStatus } from "@/lib/attendance/status";
import { effectiveDay, storyOrder } from "@/lib/history/story";
import { diffSnapshots, type FieldChange } from "@/lib/history/diff";
import { relocateQuoteVerbatim, describeAnchorError } from "@/lib/quotes/anchor";
import { abbreviateText } from "@/lib/text/cut";
import { stepInclude, toStepDTO } from "./attendance";
import type { StepDTO } from "./dto";
import { quoteCitationsOnDay } from "./quotes-on-day";
import { attendanceSnapshot, type AttendanceSnapshot, type StepSnapshot } from "./revisions";
import type { Editor } from "./session";
import {
  dayToDate,
  finishEntryChange,
  writeStepCitations,
  type AnchoredCitation,
  citedSourceIds,
} from "./story";
import {
  inTransaction,
  invalid,
  loadForWrite,
  type ChangedEntry,
  type Tx,
  type WriteResult,
} from "./write";

export type { StepDTO as StoryStepDTO } from "./dto";

/**
 * An entry's story: its steps in story order, each with its citations. With
 * `wordsOfTheirDay` (the public page), each step quotes its sources as they stood on its day;
 * editors get the citations as stored, in the current text.
 */
export async function getStory(
  attendanceId: number,
  { wordsOfTheirDay = false } = {},
): Promise<StepDTO[]> {
  const steps = await db.statusStep.findMany({ where: { attendanceId }, include: stepInclude });
  const story = storyOrder(steps.map(toStepDTO));
  if (!wordsOfTheirDay) return story;
  const dayOf = new Map(
    story.flatMap((step) => step.citations.map((c) => [c, effectiveDay(step)])),
  );
  await quoteCitationsOnDay([...dayOf.keys()], (c) => dayOf.get(c) ?? null);
  return story;
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
  // The entry's record includes what edits of a source did to its citations (re-found with
  // changed wording, orphaned, confirmed, cited again): the reader sees when a quote changed.
  const citations = await db.citation.findMany({
    where: { step: { attendanceId } },
    select: { id: true },
  });
  const rows = await db.revision.findMany({
    where: {
      OR: [
        { entityType: "attendance", entityId: attendanceId },
        { entityType: "citation", entityId: { in: citations.map((c) => c.id) } },
      ],
    },
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
  /** An editor reads a deleted source's history whole; the public only that it was deleted. */
  forEditor?: boolean;
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
  const deleted = query.forEditor ? new Set<number>() : await deletedSources(page);
  return {
    rows: page.map((row) =>
      row.entityType === "source" && deleted.has(row.entityId)
        ? withoutContent(toRevisionDTO({ ...row, before: null, after: null }))
        : toRevisionDTO(row),
    ),
    nextBefore: rows.length > CHANGES_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null,
    eventUnknown: false,
  };
}

/** The sources among these revisions' subjects that have since been deleted. */
async function deletedSources(rows: { entityType: string; entityId: number }[]) {
  const ids = [...new Set(rows.filter((r) => r.entityType === "source").map((r) => r.entityId))];
  if (ids.length === 0) return new Set<number>();
  const deletions = await db.revision.findMany({
    where: { entityType: "source", action: "delete", entityId: { in: ids } },
    select: { entityId: true },
  });
  return new Set(deletions.map((d) => d.entityId));
}

/**
 * A change to a source that has since been deleted, as the public reads it: that it happened,
 * and that the source was deleted, without its title, text or any other field.
 */
function withoutContent(revision: RevisionDTO): RevisionDTO {
  return {
    ...revision,
    subject: "A deleted source",
    summary: revision.action === "delete" ? "" : "The source has since been deleted.",
    changes: [],
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
 * The story a revision written before steps had citations of their own stands for: the steps
 * recorded up to it (as they are now), the last of them with the revision's citations, or a
 * step of the revision's status if none states it.
 */
function legacyStory(state: AttendanceSnapshot, now: AttendanceSnapshot, kept: Set<number>) {
  const steps: StepSnapshot[] = (now.story ?? []).filter((s) => kept.has(s.id));
  const last = steps.reduce<StepSnapshot | null>((a, s) => (!a || s.id > a.id ? s : a), null);
  if (last && last.status === state.status && last.asOf === state.asOf) {
    last.citations = state.citations;
    return steps;
  }
  return [
    ...steps,
    {
      id: 0,
      status: state.status,
      asOf: state.asOf,
      note: "",
      recordedAt: new Date().toISOString(),
      recordedBy: "",
      citations: state.citations,
    },
  ];
}

/**
 * A restored step's citations, found again verbatim in their sources as they are now: a revert
 * restores the very words, never a changed wording relocateQuote would offer to check.
 */
async function relocateRestoredStep(
  tx: Tx,
  step: StepSnapshot,
): Promise<{ anchors: AnchoredCitation[] } | { message: string }> {
  const sources = await tx.source.findMany({
    where: { id: { in: step.citations.map((c) => c.sourceId) } },
    select: { id: true, text: true },
  });
  const texts = new Map(sources.map((s) => [s.id, s.text]));
  const anchors: AnchoredCitation[] = [];
  for (const c of step.citations) {
    const text = texts.get(c.sourceId);
    const result =
      text === undefined
        ? null
        : relocateQuoteVerbatim(text, {
            quote: c.quote,
            start: c.start,
            end: c.end,
            prefix: "",
            suffix: "",
          });
    if (!result?.ok) {
      return {
        message: `That version cannot be restored: its step ${step.status}${step.asOf ? ` as of ${step.asOf}` : ""} quotes “${abbreviateText(c.quote, 80)}”, which ${result ? describeAnchorError(result.error) : "cites a source that no longer exists."}`,
      };
    }
    anchors.push({ ...result.anchor, sourceId: c.sourceId });
  }
  return { anchors };
}

/**
 * Restores an entry to the state a past revision recorded, its whole story included. The
 * revert is a new revision, is refused over a newer version like any edit, and relocates the
 * restored quotes in the sources as they are now. Refused, with nothing changed, when the
 * version's event and leader now have another entry.
 */
export async function revertAttendance(
  editor: Editor,
  id: number,
  version: number,
  revisionId: number,
): Promise<WriteResult<ChangedEntry>> {
  return inTransaction(editor, "entry:edit", async (tx) => {
    const current = await loadForWrite(tx, id, version, "it may have been deleted.");
    if ("ok" in current) return current;
    const target = await tx.revision.findUnique({ where: { id: revisionId } });
    if (!target || target.entityType !== "attendance" || target.entityId !== id || !target.after) {
      return invalid({}, "That version cannot be restored.");
    }
    const state = JSON.parse(target.after) as AttendanceSnapshot;

    const leader = await tx.leader.findUnique({
      where: { id: state.leaderId },
      select: { id: true, name: true },
    });
    const event = await tx.event.findUnique({
      where: { id: state.eventId },
      select: { id: true, slug: true, name: true },
    });
    if (!leader || !event) return invalid({}, "That version's leader or event no longer exists.");
    const taken = await tx.attendance.findUnique({
      where: { eventId_leaderId: { eventId: event.id, leaderId: leader.id } },
      select: { id: true },
    });
    if (taken && taken.id !== id) {
      return invalid(
        {},
        `That version cannot be restored: it is ${leader.name} at ${event.name}, who now has another entry (#${taken.id}). Nothing was changed.`,
      );
    }

    const before = await attendanceSnapshot(tx, id);
    if (!before) return invalid({}, "This entry no longer exists.");
    let story = state.story;
    if (!story) {
      const kept = await tx.statusStep.findMany({
        where: { attendanceId: id, revisionId: { lte: target.id } },
        select: { id: true },
      });
      story = legacyStory(state, before, new Set(kept.map((s) => s.id)));
    }
    const restored: { step: StepSnapshot; anchors: AnchoredCitation[] }[] = [];
    for (const step of story) {
      const result = await relocateRestoredStep(tx, step);
      if ("message" in result) return invalid({}, result.message);
      restored.push({ step, anchors: result.anchors });
    }
    if (restored.length === 0) return invalid({}, "That version has no step to restore.");

    const sourcesBefore = await citedSourceIds(tx, id);
    await tx.attendance.update({
      where: { id },
      data: { eventId: event.id, leaderId: leader.id, note: state.note },
    });
    const existing = new Set(
      (await tx.statusStep.findMany({ where: { attendanceId: id }, select: { id: true } })).map(
        (s) => s.id,
      ),
    );
    const keep = new Set(restored.map((r) => r.step.id).filter((sid) => existing.has(sid)));
    await tx.statusStep.deleteMany({ where: { attendanceId: id, id: { notIn: [...keep] } } });
    for (const { step, anchors } of restored) {
      const data = {
        status: step.status as AttendanceStatus,
        outcome: (step.outcome ?? null) as AttendanceOutcome | null,
        representativeId: step.representativeId ?? null,
        asOf: dayToDate(step.asOf),
        note: step.note,
        recordedAt: new Date(step.recordedAt),
        recordedBy: step.recordedBy,
      };
      // A step keeps its id when restored, so the record reads as the same step throughout;
      // ids are never reused, so a removed step's id is free.
      const stepId = keep.has(step.id)
        ? (
            await tx.statusStep.update({
              where: { id: step.id },
              data: { ...data, version: { increment: 1 } },
            })
          ).id
        : (
            await tx.statusStep.create({
              data: { ...data, attendanceId: id, ...(step.id > 0 ? { id: step.id } : {}) },
            })
          ).id;
      await writeStepCitations(tx, stepId, anchors);
    }
    await finishEntryChange(tx, editor, {
      attendanceId: id,
      before,
      action: "revert",
      summary: `Restored the version of ${target.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    });
    return {
      ok: true,
      attendanceId: id,
      eventSlug: event.slug,
      previousEventSlug: current.event.slug,
      leaderIds: [...new Set([current.leaderId, leader.id])],
      sourceIds: [
        ...new Set([
          ...sourcesBefore,
          ...restored.flatMap((r) => r.anchors.map((a) => a.sourceId)),
        ]),
      ],
    };
  });
}
