"use server";

import { redirect } from "next/navigation";
import { createAttendance, deleteAttendance, updateAttendance } from "@/lib/data/attendance-admin";
import { revertAttendance } from "@/lib/data/history";
import { getEditor, SIGNED_OUT_MESSAGE } from "@/lib/data/session";
import { attendanceFormSchema } from "@/lib/validation/attendance";
import { fieldErrors, type FormState } from "@/lib/validation/errors";
import { formDataToObject } from "@/lib/validation/form-data";
import { versionField } from "@/lib/validation/fields";
import { idSchema } from "@/lib/validation/id";
import { failureState } from "./form-state";
import { revalidatePublicPages } from "./revalidate";

export async function createAttendanceAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = formDataToObject(formData);
  const editor = await getEditor();
  if (!editor) return { message: SIGNED_OUT_MESSAGE, values };

  const parsed = attendanceFormSchema.safeParse(values);
  if (!parsed.success)
    return {
      message: "Some fields need attention; see below.",
      errors: fieldErrors(parsed.error),
      values,
    };

  const result = await createAttendance(editor, parsed.data);
  if (!result.ok) return failureState(result, values);

  revalidatePublicPages({
    eventSlugs: [result.eventSlug],
    attendanceIds: [result.attendanceId],
    sourceIds: result.sourceIds,
  });
  redirect(`/admin/entries/${result.attendanceId}?saved=created`);
}

export async function updateAttendanceAction(
  id: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = formDataToObject(formData);
  const editor = await getEditor();
  if (!editor) return { message: SIGNED_OUT_MESSAGE, values };

  const entryId = idSchema.safeParse(id);
  const version = versionField.safeParse(values.version);
  if (!entryId.success) return { message: "This entry does not exist.", values };
  if (!version.success) return { message: version.error.issues[0]!.message, values };
  const parsed = attendanceFormSchema.safeParse(values);
  if (!parsed.success)
    return {
      message: "Some fields need attention; see below.",
      errors: fieldErrors(parsed.error),
      values,
    };

  const result = await updateAttendance(editor, entryId.data, version.data, parsed.data);
  if (!result.ok) return failureState(result, values);

  revalidatePublicPages({
    eventSlugs: [result.eventSlug, result.previousEventSlug],
    attendanceIds: [result.attendanceId],
    sourceIds: result.sourceIds,
  });
  redirect(`/admin/entries/${result.attendanceId}?saved=updated`);
}

export async function deleteAttendanceAction(
  id: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const editor = await getEditor();
  if (!editor) return { message: SIGNED_OUT_MESSAGE };

  const entryId = idSchema.safeParse(id);
  const version = versionField.safeParse(formData.get("version"));
  if (!entryId.success || !version.success)
    return { message: "This entry cannot be deleted from this form; reload the page." };
  if (formData.get("confirm") !== "yes") {
    return {
      message: "Tick the box to confirm that this entry and its citations should be deleted.",
      errors: { confirm: ["Confirm the deletion."] },
    };
  }

  const result = await deleteAttendance(editor, entryId.data, version.data);
  if (!result.ok) return failureState(result, {});

  revalidatePublicPages({
    eventSlugs: [result.eventSlug],
    attendanceIds: [result.attendanceId],
    sourceIds: result.sourceIds,
  });
  redirect(`/admin?deleted=1`);
}

export async function revertAttendanceAction(
  id: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const editor = await getEditor();
  if (!editor) return { message: SIGNED_OUT_MESSAGE };

  const entryId = idSchema.safeParse(id);
  const version = versionField.safeParse(formData.get("version"));
  const revisionId = idSchema.safeParse(formData.get("revisionId"));
  if (!entryId.success || !version.success || !revisionId.success) {
    return { message: "This version cannot be restored from this form; reload the page." };
  }

  const result = await revertAttendance(editor, entryId.data, version.data, revisionId.data);
  if (!result.ok) return failureState(result, {});

  revalidatePublicPages({
    eventSlugs: [result.eventSlug, result.previousEventSlug],
    attendanceIds: [result.attendanceId],
    sourceIds: result.sourceIds,
  });
  redirect(`/admin/entries/${result.attendanceId}?saved=reverted`);
}
