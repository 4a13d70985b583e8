"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { addStep, removeStep, updateStep } from "@/lib/data/steps-admin";
import { getEditor, SIGNED_OUT_MESSAGE } from "@/lib/data/session";
import { stepFormSchema } from "@/lib/validation/attendance";
import { fieldErrors, type FormState } from "@/lib/validation/errors";
import { formDataToObject } from "@/lib/validation/form-data";
import { idSchema } from "@/lib/validation/id";
import { failureState, readForm } from "./form-state";
import { revalidatePublicPages } from "./revalidate";

const removeSchema = z.object({});

/** The entry's admin page, refreshed after a conflict so it shows the state as saved now. */
function refreshEntryPage(attendanceId: unknown) {
  const id = idSchema.safeParse(attendanceId);
  if (id.success) revalidatePath(`/admin/entries/${id.data}`);
}

/** Adds a step to the entry's story (not checked against the entry's version). */
export async function addStepAction(
  attendanceId: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = formDataToObject(formData);
  const editor = await getEditor();
  if (!editor) return { message: SIGNED_OUT_MESSAGE, values };
  const id = idSchema.safeParse(attendanceId);
  if (!id.success) return { message: "This entry does not exist.", values };
  const parsed = stepFormSchema.safeParse(values);
  if (!parsed.success) {
    return {
      message: "Some fields need attention; see below.",
      errors: fieldErrors(parsed.error),
      values,
    };
  }

  const result = await addStep(editor, id.data, parsed.data);
  if (!result.ok) return failureState(result, values);

  await revalidatePublicPages({
    eventSlugs: [result.eventSlug],
    attendanceIds: [result.attendanceId],
    sourceIds: result.sourceIds,
    leaderIds: result.leaderIds,
  });
  redirect(`/admin/entries/${result.attendanceId}?saved=step-added#step-${result.stepId}`);
}

/** Saves a step over the version it was loaded at. Bound: the entry's id, then the step's. */
export async function updateStepAction(
  attendanceId: unknown,
  stepId: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, stepFormSchema, { id: stepId, what: "step" });
  if (!form.ok) return form.state;

  const result = await updateStep(form.editor, form.id, form.version, form.data);
  if (!result.ok) {
    if (result.kind === "conflict") refreshEntryPage(attendanceId);
    return failureState(result, form.values);
  }

  await revalidatePublicPages({
    eventSlugs: [result.eventSlug],
    attendanceIds: [result.attendanceId],
    sourceIds: result.sourceIds,
    leaderIds: result.leaderIds,
  });
  redirect(`/admin/entries/${result.attendanceId}?saved=step-updated#step-${result.stepId}`);
}

/** Removes a step (never the entry's last). Bound: the entry's id, then the step's. */
export async function removeStepAction(
  attendanceId: unknown,
  stepId: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, removeSchema, { id: stepId, what: "step" });
  if (!form.ok) return form.state;

  const result = await removeStep(form.editor, form.id, form.version);
  if (!result.ok) {
    if (result.kind === "conflict") refreshEntryPage(attendanceId);
    return failureState(result, {});
  }

  await revalidatePublicPages({
    eventSlugs: [result.eventSlug],
    attendanceIds: [result.attendanceId],
    sourceIds: result.sourceIds,
    leaderIds: result.leaderIds,
  });
  redirect(`/admin/entries/${result.attendanceId}?saved=step-removed`);
}
