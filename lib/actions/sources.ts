"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { deleteSource } from "@/lib/data/source-delete";
import { createSource, updateSource } from "@/lib/data/sources-admin";
import type { FormState } from "@/lib/validation/errors";
import { sourceFormSchema } from "@/lib/validation/source";
import { failureState, readForm } from "./form-state";
import { revalidatePublicPages } from "./revalidate";

export async function createSourceAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, sourceFormSchema);
  if (!form.ok) return form.state;

  const result = await createSource(form.editor, form.data);
  if (!result.ok) return failureState(result, form.values);
  redirect(`/admin/sources/${result.sourceId}?saved=created`);
}

export async function updateSourceAction(
  id: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, sourceFormSchema, { id, what: "source" });
  if (!form.ok) return form.state;

  const result = await updateSource(form.editor, form.id, form.version, form.data);
  if (!result.ok) return failureState(result, form.values);

  await revalidatePublicPages({
    eventSlugs: result.eventSlugs,
    attendanceIds: result.attendanceIds,
    sourceIds: [result.sourceId],
  });
  redirect(
    result.relocation
      ? `/admin/sources/${result.sourceId}?saved=text&version=${result.textVersion}`
      : `/admin/sources/${result.sourceId}?saved=updated`,
  );
}

export async function deleteSourceAction(
  id: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, z.object({}), { id, what: "source" });
  if (!form.ok) return form.state;

  const result = await deleteSource(form.editor, form.id, form.version);
  if (!result.ok) return failureState(result, {});

  // An uncited source is on no list; its own page now answers 404.
  await revalidatePublicPages({ sourceIds: [result.sourceId] });
  redirect("/admin/sources?deleted=1");
}
