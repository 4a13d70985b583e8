// Not marked server-only: the seed script records its revisions with these too.
import type { Prisma } from "@/lib/generated/prisma/client";
import { storyOrder } from "../history/story";
import type { Editor } from "./session";

export type Actor = Pick<Editor, "id" | "name"> | { seed: string };

export type EntityType = "attendance" | "citation" | "leader" | "source" | "event";
export type RevisionAction = "create" | "update" | "delete" | "revert";

type Tx = Prisma.TransactionClient;

/**
 * Records a change. Call it inside the transaction that makes the change, so that there is no
 * change without its revision and no revision without its change.
 */
type RevisionInput = {
  entityType: EntityType;
  entityId: number;
  action: RevisionAction;
  before: unknown;
  after: unknown;
  eventId?: number | null;
  summary?: string;
};

const revisionData = (actor: Actor, revision: RevisionInput) => ({
  entityType: revision.entityType,
  entityId: revision.entityId,
  action: revision.action,
  before: revision.before == null ? null : JSON.stringify(revision.before),
  after: revision.after == null ? null : JSON.stringify(revision.after),
  eventId: revision.eventId ?? null,
  summary: revision.summary ?? "",
  actorId: "seed" in actor ? null : actor.id,
  actorName: "seed" in actor ? `Seed: ${actor.seed}` : actor.name,
});

/**
 * Records a change. Call it inside the transaction that makes the change, so that there is no
 * change without its revision and no revision without its change.
 */
export async function recordRevision(tx: Tx, actor: Actor, revision: RevisionInput) {
  return tx.revision.create({ data: revisionData(actor, revision) });
}

/** recordRevision for many changes of one transaction, numbered in the order given. */
export async function recordRevisions(tx: Tx, actor: Actor, revisions: RevisionInput[]) {
  for (let i = 0; i < revisions.length; i += WRITE_BATCH)
    await tx.revision.createMany({
      data: revisions.slice(i, i + WRITE_BATCH).map((r) => revisionData(actor, r)),
    });
}

/**
 * Rows a bulk write sends per statement, and ids a bulk read asks for per statement: far below
 * the bound values either database takes, however many columns a row has.
 */
export const WRITE_BATCH = 500;

export type CitationSnapshot = {
  sourceId: number;
  source: string;
  quote: string;
  start: number;
  end: number;
};

/** A step of the story, as a revision stores it. */
export type StepSnapshot = {
  id: number;
  /** Absent in revisions written before steps had versions of their own. */
  version?: number;
  status: string;
  /** Only on an outcome step. */
  outcome?: string;
  /** Only on a step that names who represented the leader: the leader's id and name. */
  representativeId?: number;
  representative?: string;
  asOf: string | null;
  note: string;
  recordedAt: string;
  recordedBy: string;
  citations: CitationSnapshot[];
};

/**
 * What an attendance entry is, as a revision stores it: its fields, the current step's status,
 * as-of and citations, and its whole story (steps in story order). Revisions written before
 * steps had citations of their own have no `story`.
 */
export type AttendanceSnapshot = {
  version: number;
  eventId: number;
  event: string;
  leaderId: number;
  leader: string;
  status: string;
  asOf: string | null;
  note: string;
  citations: CitationSnapshot[];
  story?: StepSnapshot[];
};

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

export async function attendanceSnapshot(tx: Tx, id: number): Promise<AttendanceSnapshot | null> {
  return (await attendanceSnapshots(tx, [id])).get(id) ?? null;
}

/** attendanceSnapshot of many entries, read together: by id, for those that exist. */
export async function attendanceSnapshots(
  tx: Tx,
  ids: readonly number[],
): Promise<Map<number, AttendanceSnapshot>> {
  const snapshots = new Map<number, AttendanceSnapshot>();
  for (let i = 0; i < ids.length; i += WRITE_BATCH) {
    const rows = await tx.attendance.findMany({
      where: { id: { in: ids.slice(i, i + WRITE_BATCH) } },
      include: {
        event: { select: { name: true } },
        leader: { select: { name: true } },
        steps: {
          include: {
            representative: { select: { name: true } },
            citations: {
              orderBy: { position: "asc" },
              include: { source: { select: { title: true } } },
            },
          },
        },
      },
    });
    for (const row of rows) {
      const story = storyOrder(
        row.steps.map((step) => ({
          id: step.id,
          version: step.version,
          status: step.status,
          ...(step.outcome ? { outcome: step.outcome } : {}),
          ...(step.representativeId
            ? { representativeId: step.representativeId, representative: step.representative?.name }
            : {}),
          asOf: isoDay(step.asOf),
          note: step.note,
          recordedAt: step.recordedAt.toISOString(),
          recordedBy: step.recordedBy,
          citations: step.citations.map((c) => ({
            sourceId: c.sourceId,
            source: c.source.title,
            quote: c.quote,
            start: c.start,
            end: c.end,
          })),
        })),
      );
      snapshots.set(row.id, {
        version: row.version,
        eventId: row.eventId,
        event: row.event.name,
        leaderId: row.leaderId,
        leader: row.leader.name,
        status: row.status,
        asOf: isoDay(row.asOf),
        note: row.note,
        citations: story.find((step) => step.id === row.currentStepId)?.citations ?? [],
        story,
      });
    }
  }
  return snapshots;
}

/** The entry as it was at `version`, from the revision that produced that version. */
export async function attendanceAtVersion(
  tx: Tx,
  id: number,
  version: number,
): Promise<AttendanceSnapshot | null> {
  const revisions = await tx.revision.findMany({
    where: { entityType: "attendance", entityId: id },
    orderBy: { id: "desc" },
    select: { after: true },
    take: 200,
  });
  for (const revision of revisions) {
    const after = revision.after ? (JSON.parse(revision.after) as AttendanceSnapshot) : null;
    if (after?.version === version) return after;
  }
  return null;
}
