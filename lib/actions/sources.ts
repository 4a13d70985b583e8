"use server";

import { redirect } from "next/navigation";
import { getEditor, SIGNED_OUT_MESSAGE } from "@/lib/data/session";
import { createSource, updateSource } from "@/lib/data/sources-admin";
import { fieldErrors, type FormState } from "@/lib/validation/errors";
import { formDataToObject } from "@/lib/validation/form-data";
import { versionField } from "@/lib/validation/fields";
import { idSchema } from "@/lib/validation/id";
import { sourceFormSchema } from "@/lib/validation/source";
import { failureState } from "./form-state";
import { revalidatePublicPages } from "./revalidate";

export async function createSourceAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = formDataToObject(formData);
  const editor = await getEditor();
  if (!editor) return { message: SIGNED_OUT_MESSAGE, values };

  const parsed = sourceFormSchema.safeParse(values);
  if (!parsed.success)
    return {
      message: "Some fields need attention; see below.",
      errors: fieldErrors(parsed.error),
      values,
    };

  const result = await createSource(editor, parsed.data);
  if (!result.ok) return failureState(result, values);
  redirect(`/admin/sources/${result.sourceId}?saved=created`);
}

export async function updateSourceAction(
  id: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = formDataToObject(formData);
  const editor = await getEditor();
  if (!editor) return { message: SIGNED_OUT_MESSAGE, values };

  const sourceId = idSchema.safeParse(id);
  const version = versionField.safeParse(values.version);
  if (!sourceId.success) return { message: "This source does not exist.", values };
  if (!version.success) return { message: version.error.issues[0]!.message, values };
  const parsed = sourceFormSchema.safeParse(values);
  if (!parsed.success)
    return {
      message: "Some fields need attention; see below.",
      errors: fieldErrors(parsed.error),
      values,
    };

  const result = await updateSource(editor, sourceId.data, version.data, parsed.data);
  if (!result.ok) return failureState(result, values);

  await revalidatePublicPages({
    eventSlugs: result.eventSlugs,
    attendanceIds: result.attendanceIds,
    sourceIds: [result.sourceId],
  });
  redirect(`/admin/sources/${result.sourceId}?saved=updated`);
}
