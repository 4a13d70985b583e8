import "server-only";
import { claimLabel } from "@/lib/attendance/status";
import { conflictChoices } from "@/lib/history/conflict";
import { formatDay } from "@/lib/text/format-day";
import type { StepInput } from "@/lib/validation/attendance";
import { anchorCitations } from "./anchoring";
import { toIsoDate } from "./mappers";
import { attendanceSnapshot, type AttendanceSnapshot } from "./revisions";
import type { Editor } from "./session";
import {
  dayToDate,
  finishEntryChange,
  insertStep,
  writeStepCitations,
  citedSourceIds,
} from "./story";
import { assertRepresentative, assertStepDates } from "./step-guards";
import {
  inTransaction,
  invalid,
  notFound,
  type ChangedEntry,
  type Tx,
  type WriteFailure,
  type WriteResult,
} from "./write";

/** "reported, as of 14 March 2025" / "attended, as of 9 May 2025" / "declined, undated". */
export const describeStep = (step: {
  status: string;
  outcome?: string | null;
  asOf: string | null;
}) =>
  `${claimLabel(step).toLowerCase()}, ${step.asOf ? `as of ${formatDay(step.asOf)}` : "undated"}`;

/** What a write of a step changed: its entry's records, and the step. */
export type ChangedStep = ChangedEntry & { stepId: number };

async function entryOf(tx: Tx, attendanceId: number) {
  return tx.attendance.findUnique({
    where: { id: attendanceId },
    select: { id: true, eventId: true, leaderId: true, event: { select: { slug: true } } },
  });
}

/** The guards a step passes before it is saved (see step-guards.ts). */
async function checkStep(tx: Tx, entry: { eventId: number; leaderId: number }, input: StepInput) {
  await assertRepresentative(tx, entry.eventId, entry.leaderId, input.representativeId);
  await assertStepDates(tx, entry.eventId, input);
}

/**
 * Adds a step to an entry's story, anywhere in time. Not checked against the entry's version:
 * two editors adding different steps at the same time both succeed, each a revision.
 */
export async function addStep(
  editor: Editor,
  attendanceId: number,
  input: StepInput,
): Promise<WriteResult<ChangedStep>> {
  return inTransaction(editor, "entry:edit", async (tx) => {
    const entry = await entryOf(tx, attendanceId);
    if (!entry) return notFound("This entry no longer exists; it may have been deleted.");
    const anchored = await anchorCitations(tx, input.citations);
    if ("errors" in anchored) return invalid(anchored.errors, anchored.message, anchored.help);
    await checkStep(tx, entry, input);
    const sourcesBefore = await citedSourceIds(tx, attendanceId);
    const before = await attendanceSnapshot(tx, attendanceId);
    const stepId = await insertStep(tx, editor, attendanceId, {
      status: input.status,
      outcome: input.outcome,
      representativeId: input.representativeId,
      asOf: input.asOf,
      note: input.note,
      citations: anchored.anchors,
    });
    await finishEntryChange(tx, editor, {
      attendanceId,
      before,
      action: "update",
      summary: `Added a step: ${describeStep(input)}`,
    });
    return {
      ok: true,
      stepId,
      attendanceId,
      eventSlug: entry.event.slug,
      sourceIds: [...new Set([...sourcesBefore, ...anchored.anchors.map((a) => a.sourceId)])],
      leaderIds: [entry.leaderId],
    };
  });
}

/**
 * The step a step edit starts from: the failure when it is gone, or was saved by someone else
 * since the editor loaded `version` (with what they changed, against the editor's input).
 */
async function loadStep(tx: Tx, stepId: number, version: number, input: StepInput | null) {
  const step = await tx.statusStep.findUnique({
    where: { id: stepId },
    include: {
      attendance: {
        select: { id: true, eventId: true, leaderId: true, event: { select: { slug: true } } },
      },
      citations: {
        orderBy: { position: "asc" },
        select: { quote: true, sourceId: true, start: true, source: { select: { title: true } } },
      },
    },
  });
  if (!step) return notFound("This step no longer exists; someone may have removed it.");
  if (step.version !== version) {
    const fields = (x: {
      status: string;
      asOf: string | null;
      note: string;
      citations: { quote: string }[];
    }) => ({
      Status: x.status,
      "As of": x.asOf ?? "—",
      Note: x.note || "—",
      Citations: x.citations.map((c) => `“${c.quote}”`).join("\n"),
    });
    const theirs = fields({
      status: step.status,
      asOf: step.asOf ? toIsoDate(step.asOf) : null,
      note: step.note,
      citations: step.citations,
    });
    // The step as the editor loaded it, from the revision that produced that version; else
    // (a revision of before steps had versions) their input stands in for it.
    const loaded = await stepAtVersion(tx, step.attendance.id, stepId, version);
    const mine = loaded ? fields(loaded) : input ? fields(input) : null;
    const now = {
      status: step.status,
      asOf: step.asOf ? toIsoDate(step.asOf) : null,
      note: step.note,
      citations: step.citations.map((c) => ({
        sourceId: c.sourceId,
        source: c.source.title,
        quote: c.quote,
        start: c.start,
      })),
    };
    const savedBy = await tx.revision.findFirst({
      where: { entityType: "attendance", entityId: step.attendance.id },
      orderBy: { id: "desc" },
      select: { actorId: true, actorName: true },
    });
    const failure: WriteFailure = {
      ok: false,
      kind: "conflict",
      message:
        "Someone else saved this step after you opened it. It is shown below as saved now; your input is kept. Review it and save again to apply yours over theirs.",
      version: step.version,
      changes: (Object.keys(theirs) as (keyof typeof theirs)[])
        .filter((field) => !mine || mine[field] !== theirs[field])
        .map((field) => ({ field, before: mine?.[field] ?? "", after: theirs[field] })),
      // Without the loaded step there is nothing to tell their changes from: no choices then.
      ...(loaded ? { choices: conflictChoices(loaded, now) } : {}),
      ...(savedBy ? { savedBy } : {}),
    };
    return failure;
  }
  return step;
}

/** A step as it was at `version`, from the entry's revisions (the latest 200). */
async function stepAtVersion(tx: Tx, attendanceId: number, stepId: number, version: number) {
  const revisions = await tx.revision.findMany({
    where: { entityType: "attendance", entityId: attendanceId },
    orderBy: { id: "desc" },
    select: { after: true },
    take: 200,
  });
  for (const revision of revisions) {
    const after = revision.after ? (JSON.parse(revision.after) as AttendanceSnapshot) : null;
    const step = after?.story?.find((s) => s.id === stepId && s.version === version);
    if (step) return step;
  }
  return null;
}

/** Saves a step over the version it was loaded at: its status, date, note and citations. */
export async function updateStep(
  editor: Editor,
  stepId: number,
  version: number,
  input: StepInput,
): Promise<WriteResult<ChangedStep>> {
  return inTransaction(editor, "entry:edit", async (tx) => {
    const step = await loadStep(tx, stepId, version, input);
    if ("ok" in step) return step;
    const anchored = await anchorCitations(tx, input.citations);
    if ("errors" in anchored) return invalid(anchored.errors, anchored.message, anchored.help);
    const attendanceId = step.attendance.id;
    await checkStep(tx, step.attendance, input);
    const sourcesBefore = await citedSourceIds(tx, attendanceId);
    const before = await attendanceSnapshot(tx, attendanceId);
    const updated = await tx.statusStep.updateMany({
      where: { id: stepId, version },
      data: {
        status: input.status,
        outcome: input.outcome,
        representativeId: input.representativeId,
        asOf: dayToDate(input.asOf),
        note: input.note,
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) return notFound("This step changed while saving; open it again.");
    await writeStepCitations(tx, stepId, anchored.anchors);
    await finishEntryChange(tx, editor, {
      attendanceId,
      before,
      action: "update",
      summary: `Edited a step: ${describeStep(input)}`,
    });
    return {
      ok: true,
      stepId,
      attendanceId,
      eventSlug: step.attendance.event.slug,
      sourceIds: [...new Set([...sourcesBefore, ...anchored.anchors.map((a) => a.sourceId)])],
      leaderIds: [step.attendance.leaderId],
    };
  });
}

/** Removes a step; never the last one (the entry is deleted instead). */
export async function removeStep(
  editor: Editor,
  stepId: number,
  version: number,
): Promise<WriteResult<ChangedStep>> {
  return inTransaction(editor, "entry:edit", async (tx) => {
    const step = await loadStep(tx, stepId, version, null);
    if ("ok" in step) return step;
    const attendanceId = step.attendance.id;
    const count = await tx.statusStep.count({ where: { attendanceId } });
    if (count <= 1) {
      return invalid(
        {},
        "This is the entry's only step, and an entry keeps at least one: delete the entry instead.",
      );
    }
    const sourceIds = await citedSourceIds(tx, attendanceId);
    const before = await attendanceSnapshot(tx, attendanceId);
    await tx.statusStep.delete({ where: { id: stepId } });
    await finishEntryChange(tx, editor, {
      attendanceId,
      before,
      action: "update",
      summary: `Removed a step: ${describeStep({ status: step.status, outcome: step.outcome, asOf: step.asOf ? toIsoDate(step.asOf) : null })}`,
    });
    return {
      ok: true,
      stepId,
      attendanceId,
      eventSlug: step.attendance.event.slug,
      sourceIds,
      leaderIds: [step.attendance.leaderId],
    };
  });
}
