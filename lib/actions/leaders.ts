"use server";

import { redirect } from "next/navigation";
import { deleteLeader, updateLeader } from "@/lib/data/leaders";
import { getEditor, SIGNED_OUT_MESSAGE } from "@/lib/data/session";
import { leaderSchema } from "@/lib/validation/attendance";
import { fieldErrors, type FormState } from "@/lib/validation/errors";
import { formDataToObject } from "@/lib/validation/form-data";
import { versionField } from "@/lib/validation/fields";
import { idSchema } from "@/lib/validation/id";
import { failureState } from "./form-state";
import { revalidatePublicPages } from "./revalidate";

export async function updateLeaderAction(
  id: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = formDataToObject(formData);
  const editor = await getEditor();
  if (!editor) return { message: SIGNED_OUT_MESSAGE, values };

  const leaderId = idSchema.safeParse(id);
  const version = versionField.safeParse(values.version);
  if (!leaderId.success) return { message: "This leader does not exist.", values };
  if (!version.success) return { message: version.error.issues[0]!.message, values };
  const parsed = leaderSchema.safeParse(values);
  if (!parsed.success)
    return {
      message: "Some fields need attention; see below.",
      errors: fieldErrors(parsed.error),
      values,
    };

  const result = await updateLeader(editor, leaderId.data, version.data, parsed.data);
  if (!result.ok) return failureState(result, values);

  await revalidatePublicPages({
    eventSlugs: result.eventSlugs,
    attendanceIds: result.attendanceIds,
  });
  redirect(`/admin/leaders/${leaderId.data}?saved=1`);
}

export async function deleteLeaderAction(
  id: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const editor = await getEditor();
  if (!editor) return { message: SIGNED_OUT_MESSAGE };

  const leaderId = idSchema.safeParse(id);
  const version = versionField.safeParse(formData.get("version"));
  if (!leaderId.success || !version.success)
    return { message: "This leader cannot be deleted from this form; reload the page." };

  const result = await deleteLeader(editor, leaderId.data, version.data);
  if (!result.ok) return failureState(result, {});
  redirect("/admin/leaders?deleted=1");
}
