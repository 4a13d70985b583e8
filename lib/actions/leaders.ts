"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { mergeLeaders } from "@/lib/data/leader-merge";
import { createLeader, deleteLeader, updateLeader } from "@/lib/data/leaders";
import type { FormState } from "@/lib/validation/errors";
import { leaderEditSchema, leaderMergeSchema } from "@/lib/validation/leader";
import { failureState, readForm } from "./form-state";
import { revalidateLeaderPages, revalidatePublicPages } from "./revalidate";

export async function createLeaderAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, leaderEditSchema);
  if (!form.ok) return form.state;

  const result = await createLeader(form.editor, form.data);
  if (!result.ok && result.kind === "duplicate") {
    return {
      message: result.message,
      errors: { name: [result.message] },
      values: form.values,
      duplicates: result.duplicates,
    };
  }
  if (!result.ok) return failureState(result, form.values);
  // Its page was never stored (an unknown id's 404 is not), and it is on no other yet.
  redirect(`/admin/leaders/${result.leaderId}?saved=1`);
}

export async function updateLeaderAction(
  id: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, leaderEditSchema, { id, what: "leader" });
  if (!form.ok) return form.state;

  const result = await updateLeader(form.editor, form.id, form.version, form.data);
  if (!result.ok) return failureState(result, form.values);

  await revalidateLeaderPages([form.id], { renamed: result.renamed });
  redirect(`/admin/leaders/${form.id}?saved=1`);
}

export async function deleteLeaderAction(
  id: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, z.object({}), { id, what: "leader" });
  if (!form.ok) return form.state;

  const result = await deleteLeader(form.editor, form.id, form.version);
  if (!result.ok) return failureState(result, {});

  // It had no entry and represented no one (deleteLeader refuses otherwise): its own page,
  // now a 404, was the only one that showed it.
  await revalidatePublicPages({ leaderIds: [form.id] });
  redirect("/admin/leaders?deleted=1");
}

export async function mergeLeadersAction(
  id: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, leaderMergeSchema, { id, what: "leader" });
  if (!form.ok) return form.state;

  const result = await mergeLeaders(form.editor, form.id, form.version, form.data.otherId);
  if (!result.ok) return failureState(result, form.values);

  // The kept leader's pages now show the other's entries under the kept name, and its aliases;
  // the other's page answers 404.
  await revalidateLeaderPages([form.id, form.data.otherId], { renamed: true });
  redirect(`/admin/leaders/${form.id}?saved=merged`);
}
