import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteForm } from "@/components/admin/delete-form";
import { NotPermittedNotice } from "@/components/admin/not-permitted-notice";
import { formatDay } from "@/components/format";
import { removeStepAction } from "@/lib/actions/steps";
import { claimLabel } from "@/lib/attendance/status";
import { roleCan } from "@/lib/auth/roles";
import { getAttendanceForEdit } from "@/lib/data/attendance-admin";
import { getStory } from "@/lib/data/history";
import { requireEditor } from "@/lib/data/session";
import { currentStep } from "@/lib/history/story";
import { countOf } from "@/lib/text/plural";
import { parseId } from "@/lib/validation/id";

export const metadata: Metadata = { title: "Remove step" };

type RemoveStepPageProps = { params: Promise<{ id: string; stepId: string }> };

/** "Attended, as of 9 May 2025": an outcome step by its outcome, a plan by its status. */
const describe = (step: { status: string; outcome?: string | null; asOf: string | null }) =>
  `${claimLabel(step)}, ${step.asOf ? `as of ${formatDay(step.asOf)}` : "undated"}`;

/** Asks before a step is removed, saying what the entry's status becomes. */
export default async function RemoveStepPage({ params }: RemoveStepPageProps) {
  const raw = await params;
  const editor = await requireEditor(`/admin/entries/${raw.id}/steps/${raw.stepId}/remove`);
  const id = parseId(raw.id);
  const stepId = parseId(raw.stepId);
  const entry = id ? await getAttendanceForEdit(id) : null;
  if (!entry || !stepId) notFound();
  if (!roleCan(editor.role, "entry:edit")) {
    return (
      <NotPermittedNotice
        title={`Remove a step from ${entry.leaderName}’s entry`}
        role={editor.role}
        permission="entry:edit"
        backHref={`/attendance/${entry.id}`}
      />
    );
  }
  const story = await getStory(entry.id);
  const step = story.find((s) => s.id === stepId);
  if (!step) notFound();
  const back = `/admin/entries/${entry.id}#step-${step.id}`;
  const after = currentStep(story.filter((s) => s.id !== step.id));
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">
        Remove the step “{describe(step)}” from {entry.leaderName}’s entry?
      </h1>
      {after ? (
        <>
          <p>
            The step and its {countOf(step.citations.length, "citation")} will be removed from the
            entry’s story.{" "}
            {step.current
              ? `The current status becomes ${describe(after)}.`
              : `The current status stays ${describe(after)}.`}
          </p>
          <p>Its history stays readable in the record of changes.</p>
          <DeleteForm
            action={removeStepAction.bind(null, entry.id, step.id)}
            version={step.version}
            confirmLabel=""
            requireConfirm={false}
            submitLabel="Remove step"
          />
        </>
      ) : (
        <p>
          This is the entry’s only step: an entry keeps at least one. Delete the entry instead, or
          add another step first.
        </p>
      )}
      <p>
        <Link href={back}>Cancel and go back</Link>
      </p>
    </div>
  );
}
