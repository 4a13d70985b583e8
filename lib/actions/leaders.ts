"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { deleteLeader, updateLeader } from "@/lib/data/leaders";
import { leaderSchema } from "@/lib/validation/attendance";
import type { FormState } from "@/lib/validation/errors";
import { failureState, readForm } from "./form-state";
import { revalidatePublicPages } from "./revalidate";

export async function updateLeaderAction(
  id: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, leaderSchema, { id, what: "leader" });
  if (!form.ok) return form.state;

  const result = await updateLeader(form.editor, form.id, form.version, form.data);
  if (!result.ok) return failureState(result, form.values);

  await revalidatePublicPages({
    eventSlugs: result.eventSlugs,
    attendanceIds: result.attendanceIds,
  });
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
  redirect("/admin/leaders?deleted=1");
}
