// Not marked server-only: the seed and the test factories write entries and steps with these
// too, so that there is one way to write a story. Writes that take an Editor are in
// attendance-admin.ts and steps-admin.ts.
import { Prisma } from "@/lib/generated/prisma/client";
import {
  PLAN_OF_OUTCOME,
  type AttendanceOutcome,
  type AttendanceStatus,
} from "@/lib/attendance/status";
import {
  carriedPlans,
  currentStep,
  outcomeStepOnDay,
  representativeOnDay,
  sourcesDisagreeOn,
} from "../history/story";
import type { TextAnchor } from "../quotes/anchor";
import {
  attendanceSnapshot,
  attendanceSnapshots,
  recordRevision,
  recordRevisions,
  WRITE_BATCH,
  type Actor,
  type AttendanceSnapshot,
} from "./revisions";

type Tx = Prisma.TransactionClient;

/** A quote anchored in its source, ready to be stored as a citation. */
export type AnchoredCitation = TextAnchor & { sourceId: number };

/** A step as it is written: the status a source asserts, as of a date, with its citations. */
export type StepData = {
  /** On an outcome step, a placeholder: syncStory gives it the plan it carries. */
  status: AttendanceStatus;
  /** What the source reports happened at the event; null for a plan. */
  outcome?: AttendanceOutcome | null;
  /** The leader the source says represented the entry's leader. */
  representativeId?: number | null;
  /** YYYY-MM-DD or null when the source gives no date. */
  asOf: string | null;
  note: string;
  citations: AnchoredCitation[];
  /** When it was recorded; now unless given (the seed dates its steps from its source). */
  recordedAt?: Date;
};

export const dayToDate = (day: string | null) => (day ? new Date(`${day}T00:00:00Z`) : null);

const actorName = (actor: Actor) => ("seed" in actor ? `Seed: ${actor.seed}` : actor.name);

/** The versions of the sources' texts, which new citations are anchored in. */
async function textVersions(tx: Tx, sourceIds: Iterable<number>) {
  const ids = [...new Set(sourceIds)];
  const versions = new Map<number, number>();
  for (let i = 0; i < ids.length; i += WRITE_BATCH)
    for (const s of await tx.source.findMany({
      where: { id: { in: ids.slice(i, i + WRITE_BATCH) } },
      select: { id: true, textVersion: true },
    }))
      versions.set(s.id, s.textVersion);
  return versions;
}

/** A step's citations as rows, in their order, anchored in the sources' current texts. */
const citationRows = (
  stepId: number,
  citations: AnchoredCitation[],
  versions: Map<number, number>,
) =>
  citations.map((c, position) => ({
    stepId,
    sourceId: c.sourceId,
    quote: c.quote,
    start: c.start,
    end: c.end,
    prefix: c.prefix,
    suffix: c.suffix,
    position,
    anchoredVersion: versions.get(c.sourceId) ?? 1,
    checkedVersion: versions.get(c.sourceId) ?? 1,
  }));

/** Replaces a step's citations with `citations`, in their order. */
export async function writeStepCitations(tx: Tx, stepId: number, citations: AnchoredCitation[]) {
  await tx.citation.deleteMany({ where: { stepId } });
  const versions = await textVersions(
    tx,
    citations.map((c) => c.sourceId),
  );
  await tx.citation.createMany({ data: citationRows(stepId, citations, versions) });
}

const stepRow = (actor: Actor, attendanceId: number, step: StepData) => ({
  attendanceId,
  status: step.status,
  outcome: step.outcome ?? null,
  representativeId: step.representativeId ?? null,
  asOf: dayToDate(step.asOf),
  note: step.note,
  recordedBy: actorName(actor),
  ...(step.recordedAt ? { recordedAt: step.recordedAt } : {}),
});

/** Adds a step to an entry's story; call syncStory after the story's changes. */
export async function insertStep(tx: Tx, actor: Actor, attendanceId: number, step: StepData) {
  const created = await tx.statusStep.create({ data: stepRow(actor, attendanceId, step) });
  await writeStepCitations(tx, created.id, step.citations);
  return created.id;
}

/**
 * insertStep for many entries at once, one step each (so a step is known by its entry whatever
 * order the database returns them in), with their citations: each step's id by its entry.
 */
export async function insertSteps(
  tx: Tx,
  actor: Actor,
  steps: { attendanceId: number; step: StepData }[],
): Promise<Map<number, number>> {
  if (new Set(steps.map((s) => s.attendanceId)).size !== steps.length)
    throw new Error("insertSteps takes one step an entry.");
  const ids = new Map<number, number>();
  const versions = await textVersions(
    tx,
    steps.flatMap((s) => s.step.citations.map((c) => c.sourceId)),
  );
  for (let i = 0; i < steps.length; i += WRITE_BATCH) {
    const part = steps.slice(i, i + WRITE_BATCH);
    const created = await tx.statusStep.createManyAndReturn({
      data: part.map((s) => stepRow(actor, s.attendanceId, s.step)),
      select: { id: true, attendanceId: true },
    });
    for (const row of created) ids.set(row.attendanceId, row.id);
    await tx.citation.createMany({
      data: part.flatMap((s) => citationRows(ids.get(s.attendanceId)!, s.step.citations, versions)),
    });
  }
  return ids;
}

/**
 * Derives the entry's status, as-of date, current step, "sources disagree", outcome and
 * representative from its steps, and gives each outcome step the plan it carries. The only
 * writer of those columns: every change of a story calls it in its transaction.
 */
export async function syncStory(tx: Tx, attendanceId: number) {
  await syncStories(tx, [attendanceId]);
}

/**
 * syncStory for many entries, their steps read together; the entries of `bumpVersion` move to
 * their next version in the same update.
 */
export async function syncStories(
  tx: Tx,
  attendanceIds: readonly number[],
  bumpVersion: ReadonlySet<number> = new Set(),
) {
  for (let i = 0; i < attendanceIds.length; i += WRITE_BATCH) {
    const part = attendanceIds.slice(i, i + WRITE_BATCH);
    const byEntry = new Map<number, StoryRow[]>(part.map((id) => [id, []]));
    for (const s of await tx.statusStep.findMany({
      where: { attendanceId: { in: part } },
      select: {
        id: true,
        attendanceId: true,
        status: true,
        outcome: true,
        representativeId: true,
        asOf: true,
        recordedAt: true,
      },
    }))
      byEntry.get(s.attendanceId)?.push({
        ...s,
        asOf: s.asOf ? s.asOf.toISOString().slice(0, 10) : null,
        recordedAt: s.recordedAt.toISOString(),
      });
    // Entries whose derived columns agree are updated together (an import's mostly do), and
    // every entry's current step in one statement: not a statement per entry.
    const groups = new Map<
      string,
      { data: Prisma.AttendanceUpdateManyMutationInput; ids: number[] }
    >();
    const current: [number, number][] = [];
    for (const [attendanceId, steps] of byEntry) {
      const carried = carriedPlans(steps, (o) => PLAN_OF_OUTCOME[o as AttendanceOutcome]);
      for (const step of steps) {
        const plan = carried.get(step.id) as AttendanceStatus | undefined;
        if (plan && plan !== step.status) {
          await tx.statusStep.update({ where: { id: step.id }, data: { status: plan } });
          step.status = plan;
        }
      }
      const step = currentStep(steps);
      if (!step) throw new Error(`Entry ${attendanceId} would have no step.`);
      current.push([attendanceId, step.id]);
      const data = {
        status: step.status,
        asOf: dayToDate(step.asOf),
        sourcesDisagree: sourcesDisagreeOn(steps, step),
        outcome: outcomeStepOnDay(steps)?.outcome ?? null,
        representativeId: representativeOnDay(steps),
        ...(bumpVersion.has(attendanceId) ? { version: { increment: 1 } } : {}),
      };
      const key = JSON.stringify(data);
      const group = groups.get(key) ?? { data, ids: [] as number[] };
      group.ids.push(attendanceId);
      groups.set(key, group);
    }
    for (const { data, ids } of groups.values())
      await tx.attendance.updateMany({ where: { id: { in: ids } }, data });
    await setCurrentSteps(tx, current);
  }
}

/**
 * Sets each entry's current step: `[entry, step]` pairs, one statement for them all. Plain SQL
 * that SQLite and PostgreSQL read alike (the CAST types PostgreSQL's untyped parameters);
 * Prisma's own API has no update of many rows with a value each.
 */
async function setCurrentSteps(tx: Tx, pairs: [number, number][]) {
  if (pairs.length === 0) return;
  await tx.$executeRaw`UPDATE "Attendance" SET "currentStepId" = CASE "id" ${Prisma.join(
    pairs.map(([id, step]) => Prisma.sql`WHEN ${id} THEN CAST(${step} AS INTEGER)`),
    " ",
  )} END WHERE "id" IN (${Prisma.join(pairs.map(([id]) => id))})`;
}

type StoryRow = {
  id: number;
  status: AttendanceStatus;
  outcome: AttendanceOutcome | null;
  representativeId: number | null;
  asOf: string | null;
  recordedAt: string;
};

/**
 * Records a change of an entry made in this transaction: derives its current status, moves it
 * to its next version and writes the revision (before → after, story included).
 */
export async function finishEntryChange(
  tx: Tx,
  actor: Actor,
  change: {
    attendanceId: number;
    before: AttendanceSnapshot | null;
    action: "create" | "update" | "revert";
    summary?: string;
  },
) {
  await syncStory(tx, change.attendanceId);
  const row = await tx.attendance.update({
    where: { id: change.attendanceId },
    data: change.action === "create" ? {} : { version: { increment: 1 } },
    select: { eventId: true },
  });
  const after = await attendanceSnapshot(tx, change.attendanceId);
  return recordRevision(tx, actor, {
    entityType: "attendance",
    entityId: change.attendanceId,
    action: change.action,
    before: change.before,
    after,
    eventId: row.eventId,
    summary: change.summary,
  });
}

/**
 * finishEntryChange for many entries of this transaction, each changed once: their stories
 * derived, their versions moved and their revisions written (in the order given) together.
 */
export async function finishEntryChanges(
  tx: Tx,
  actor: Actor,
  changes: {
    attendanceId: number;
    before: AttendanceSnapshot | null;
    action: "create" | "update" | "revert";
    summary?: string;
  }[],
): Promise<Map<number, AttendanceSnapshot>> {
  const ids = changes.map((c) => c.attendanceId);
  if (new Set(ids).size !== ids.length) throw new Error("An entry was changed twice at once.");
  await syncStories(
    tx,
    ids,
    new Set(changes.filter((c) => c.action !== "create").map((c) => c.attendanceId)),
  );
  const after = await attendanceSnapshots(tx, ids);
  await recordRevisions(
    tx,
    actor,
    changes.map((c) => ({
      entityType: "attendance",
      entityId: c.attendanceId,
      action: c.action,
      before: c.before,
      after: after.get(c.attendanceId) ?? null,
      eventId: after.get(c.attendanceId)?.eventId ?? null,
      summary: c.summary,
    })),
  );
  return after;
}

/**
 * Creates an entry with its story (at least one step) and its revision. The caller has checked
 * that the event and leader exist and that the pair has no entry yet.
 */
export async function createEntry(
  tx: Tx,
  actor: Actor,
  entry: { eventId: number; leaderId: number; note: string; steps: StepData[]; summary?: string },
): Promise<number> {
  const [first] = entry.steps;
  if (!first) throw new Error("An entry needs at least one step.");
  // The status is a placeholder until syncStory derives it from the steps, below.
  const created = await tx.attendance.create({
    data: {
      eventId: entry.eventId,
      leaderId: entry.leaderId,
      status: first.status,
      note: entry.note,
    },
  });
  for (const step of entry.steps) await insertStep(tx, actor, created.id, step);
  await finishEntryChange(tx, actor, {
    attendanceId: created.id,
    before: null,
    action: "create",
    summary: entry.summary,
  });
  return created.id;
}

/** The ids of every source any step of the entry cites (their pages show the entry). */
export async function citedSourceIds(tx: Tx, attendanceId: number): Promise<number[]> {
  const rows = await tx.citation.findMany({
    where: { step: { attendanceId } },
    select: { sourceId: true },
    distinct: ["sourceId"],
  });
  return rows.map((r) => r.sourceId);
}
