// Not marked server-only: the seed and the test factories write entries and steps with these
// too, so that there is one way to write a story. Writes that take an Editor are in
// attendance-admin.ts and steps-admin.ts.
import type { Prisma } from "@/lib/generated/prisma/client";
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
  recordRevision,
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

/** Replaces a step's citations with `citations`, in their order. */
export async function writeStepCitations(tx: Tx, stepId: number, citations: AnchoredCitation[]) {
  await tx.citation.deleteMany({ where: { stepId } });
  // Anchored in the source's current text, so in the version that text is.
  const versions = new Map(
    (
      await tx.source.findMany({
        where: { id: { in: [...new Set(citations.map((c) => c.sourceId))] } },
        select: { id: true, textVersion: true },
      })
    ).map((s) => [s.id, s.textVersion]),
  );
  await tx.citation.createMany({
    data: citations.map((c, position) => ({
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
    })),
  });
}

/** Adds a step to an entry's story; call syncStory after the story's changes. */
export async function insertStep(tx: Tx, actor: Actor, attendanceId: number, step: StepData) {
  const created = await tx.statusStep.create({
    data: {
      attendanceId,
      status: step.status,
      outcome: step.outcome ?? null,
      representativeId: step.representativeId ?? null,
      asOf: dayToDate(step.asOf),
      note: step.note,
      recordedBy: actorName(actor),
      ...(step.recordedAt ? { recordedAt: step.recordedAt } : {}),
    },
  });
  await writeStepCitations(tx, created.id, step.citations);
  return created.id;
}

/**
 * Derives the entry's status, as-of date, current step, "sources disagree", outcome and
 * representative from its steps, and gives each outcome step the plan it carries. The only
 * writer of those columns: every change of a story calls it in its transaction.
 */
export async function syncStory(tx: Tx, attendanceId: number) {
  const steps = (
    await tx.statusStep.findMany({
      where: { attendanceId },
      select: {
        id: true,
        status: true,
        outcome: true,
        representativeId: true,
        asOf: true,
        recordedAt: true,
      },
    })
  ).map((s) => ({
    ...s,
    asOf: s.asOf ? s.asOf.toISOString().slice(0, 10) : null,
    recordedAt: s.recordedAt.toISOString(),
  }));
  const carried = carriedPlans(steps, (o) => PLAN_OF_OUTCOME[o as AttendanceOutcome]);
  for (const step of steps) {
    const plan = carried.get(step.id) as AttendanceStatus | undefined;
    if (plan && plan !== step.status) {
      await tx.statusStep.update({ where: { id: step.id }, data: { status: plan } });
      step.status = plan;
    }
  }
  const current = currentStep(steps);
  if (!current) throw new Error(`Entry ${attendanceId} would have no step.`);
  await tx.attendance.update({
    where: { id: attendanceId },
    data: {
      status: current.status,
      asOf: dayToDate(current.asOf),
      currentStepId: current.id,
      sourcesDisagree: sourcesDisagreeOn(steps, current),
      outcome: outcomeStepOnDay(steps)?.outcome ?? null,
      representativeId: representativeOnDay(steps),
    },
  });
}

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
