"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createAttendance, deleteAttendance, updateAttendance } from "@/lib/data/attendance-admin";
import { revertAttendance } from "@/lib/data/history";
import { attendanceFormSchema, entryFormSchema } from "@/lib/validation/attendance";
import type { FormState } from "@/lib/validation/errors";
import { idSchema } from "@/lib/validation/id";
import { failureState, readForm } from "./form-state";
import { revalidatePublicPages } from "./revalidate";

const deleteSchema = z.object({
  confirm: z.literal("yes", { error: "Tick the box to confirm the deletion." }),
});
const revertSchema = z.object({ revisionId: idSchema });

export async function createAttendanceAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, attendanceFormSchema);
  if (!form.ok) return form.state;

  const result = await createAttendance(form.editor, form.data);
  if (!result.ok) return failureState(result, form.values);

  await revalidatePublicPages({
    eventSlugs: [result.eventSlug],
    attendanceIds: [result.attendanceId],
    sourceIds: result.sourceIds,
    leaderIds: result.leaderIds,
  });
  redirect(`/admin/entries/${result.attendanceId}?saved=created`);
}

export async function updateAttendanceAction(
  id: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, entryFormSchema, { id, what: "entry" });
  if (!form.ok) return form.state;

  const result = await updateAttendance(form.editor, form.id, form.version, form.data);
  if (!result.ok) {
    // The page's other panels (passages, history) then show the entry as saved now.
    if (result.kind === "conflict") revalidatePath(`/admin/entries/${form.id}`);
    return failureState(result, form.values);
  }

  await revalidatePublicPages({
    eventSlugs: [result.eventSlug, result.previousEventSlug],
    attendanceIds: [result.attendanceId],
    sourceIds: result.sourceIds,
    leaderIds: result.leaderIds,
  });
  redirect(`/admin/entries/${result.attendanceId}?saved=updated`);
}

export async function deleteAttendanceAction(
  id: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, deleteSchema, { id, what: "entry" });
  if (!form.ok) return form.state;

  const result = await deleteAttendance(form.editor, form.id, form.version);
  if (!result.ok) return failureState(result, {});

  await revalidatePublicPages({
    eventSlugs: [result.eventSlug],
    attendanceIds: [result.attendanceId],
    sourceIds: result.sourceIds,
    leaderIds: result.leaderIds,
  });
  redirect(`/admin?deleted=1`);
}

export async function revertAttendanceAction(
  id: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, revertSchema, { id, what: "entry" });
  if (!form.ok) return form.state;

  const result = await revertAttendance(form.editor, form.id, form.version, form.data.revisionId);
  if (!result.ok) {
    if (result.kind === "conflict") revalidatePath(`/admin/entries/${form.id}`);
    return failureState(result, {});
  }

  await revalidatePublicPages({
    eventSlugs: [result.eventSlug, result.previousEventSlug],
    attendanceIds: [result.attendanceId],
    sourceIds: result.sourceIds,
    leaderIds: result.leaderIds,
  });
  redirect(`/admin/entries/${result.attendanceId}?saved=reverted`);
}
