"use server";

import { redirect } from "next/navigation";
import { confirmCitation, reciteCitation } from "@/lib/data/citation-review";
import { confirmCitationSchema, reciteCitationSchema } from "@/lib/validation/citation-review";
import type { FormState } from "@/lib/validation/errors";
import { failureState, readForm } from "./form-state";
import { revalidatePublicPages } from "./revalidate";

// The form's `version` is the version of the source's text the editor reviewed the citation in.

export async function confirmCitationAction(
  id: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, confirmCitationSchema, { id, what: "citation" });
  if (!form.ok) return form.state;

  const result = await confirmCitation(form.editor, form.id, form.version);
  if (!result.ok) return failureState(result, form.values);

  await revalidatePublicPages({
    eventSlugs: [result.eventSlug],
    attendanceIds: [result.attendanceId],
    sourceIds: [result.sourceId],
  });
  redirect("/admin/review?done=confirmed");
}

export async function reciteCitationAction(
  id: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, reciteCitationSchema, { id, what: "citation" });
  if (!form.ok) return form.state;

  const result = await reciteCitation(form.editor, form.id, form.version, form.data.quote);
  if (!result.ok) return failureState(result, form.values);

  await revalidatePublicPages({
    eventSlugs: [result.eventSlug],
    attendanceIds: [result.attendanceId],
    sourceIds: [result.sourceId],
  });
  redirect("/admin/review?done=cited");
}
