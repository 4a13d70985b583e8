"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { deleteSource } from "@/lib/data/source-delete";
import { fetchSourceAgain, fetchSourcePage } from "@/lib/data/source-snapshots";
import { createSource, getSourceForEdit, updateSource } from "@/lib/data/sources-admin";
import type { FormState } from "@/lib/validation/errors";
import { sourceFetchSchema, sourceFormSchema } from "@/lib/validation/source";
import { failureState, readForm } from "./form-state";
import { fetchedForNewSource, fetchedForSource, wantsFetch } from "./source-fetch-state";
import { revalidateDeletedSource, revalidatePublicPages } from "./revalidate";

export async function createSourceAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  // The form's "Fetch" button: read the page at the address into the form; nothing is saved.
  if (wantsFetch(formData)) {
    const form = await readForm(formData, sourceFetchSchema);
    if (!form.ok) return form.state;
    const url = form.data.fetchUrl;
    return fetchedForNewSource(await fetchSourcePage(form.editor, url), url);
  }
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
  // "Fetch again": a changed page's text goes into the form, to be saved as the next version.
  if (wantsFetch(formData)) {
    const form = await readForm(formData, sourceFetchSchema, { id, what: "source" });
    if (!form.ok) return form.state;
    const source = await getSourceForEdit(form.id);
    if (!source) return { message: "This source no longer exists." };
    const url = form.data.fetchUrl;
    return fetchedForSource(await fetchSourceAgain(form.editor, form.id, url), source, url);
  }
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

  revalidateDeletedSource(result);
  redirect("/admin/sources?deleted=1");
}
