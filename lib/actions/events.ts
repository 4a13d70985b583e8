"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { createEvent, deleteEvent, setEventPinned, updateEvent } from "@/lib/data/events-admin";
import type { FormState } from "@/lib/validation/errors";
import { eventDeleteSchema, eventFormSchema } from "@/lib/validation/event";
import { failureState, readForm } from "./form-state";
import { revalidateEventPages } from "./revalidate";

export async function createEventAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, eventFormSchema);
  if (!form.ok) return form.state;

  const result = await createEvent(form.editor, form.data);
  if (!result.ok) return failureState(result, form.values);

  await revalidateEventPages([result.slug]);
  redirect(`/admin/events/${result.eventId}?saved=created`);
}

export async function updateEventAction(
  id: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, eventFormSchema, { id, what: "event" });
  if (!form.ok) return form.state;

  const result = await updateEvent(form.editor, form.id, form.version, form.data);
  if (!result.ok) return failureState(result, form.values);

  await revalidateEventPages([result.slug, ...result.formerSlugs], {
    eventId: result.eventId,
    readdressed: result.slug !== result.previousSlug,
  });
  redirect(`/admin/events/${result.eventId}?saved=updated`);
}

export async function deleteEventAction(
  id: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, eventDeleteSchema, { id, what: "event" });
  if (!form.ok) return form.state;

  const result = await deleteEvent(form.editor, form.id, form.version);
  if (!result.ok) return failureState(result, {});

  await revalidateEventPages([result.slug, ...result.formerSlugs]);
  redirect("/admin/events?deleted=1");
}

// The pin form's one field: pin it, or let the date rule choose again.
const pinSchema = z.object({ pinned: z.enum(["yes", "no"], { error: "Choose pin or unpin." }) });

export async function pinEventAction(
  id: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  // The version is not checked: a pin is not an edit of the event (see setEventPinned).
  const form = await readForm(formData, pinSchema, { id, what: "event" });
  if (!form.ok) return form.state;

  const result = await setEventPinned(form.editor, form.id, form.data.pinned === "yes");
  if (!result.ok) return failureState(result, {});

  await revalidateEventPages([result.slug]);
  redirect(`/admin/events/${form.id}?saved=${form.data.pinned === "yes" ? "pinned" : "unpinned"}`);
}
