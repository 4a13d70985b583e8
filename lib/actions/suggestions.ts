"use server";

import { redirect } from "next/navigation";
import { createAttendance } from "@/lib/data/attendance-admin";
import { findSimilarLeaders } from "@/lib/data/leaders";
import { getEditor, SIGNED_OUT_MESSAGE } from "@/lib/data/session";
import { addStep } from "@/lib/data/steps-admin";
import { dismissSuggestion, findEntryId } from "@/lib/data/suggestions";
import { attendanceFormSchema, stepFormSchema } from "@/lib/validation/attendance";
import { fieldErrors, type FormState } from "@/lib/validation/errors";
import { formDataToObject } from "@/lib/validation/form-data";
import { idSchema } from "@/lib/validation/id";
import {
  acceptLeaderModeField,
  dismissSuggestionSchema,
  suggestionKeyField,
} from "@/lib/validation/suggestion";
import { failureState } from "./form-state";
import { revalidatePublicPages } from "./revalidate";

const NEEDS_ATTENTION = "Some fields need attention; see below.";

function suggestionsPage(sourceId: number, eventId: number, query: string) {
  return `/admin/sources/${sourceId}/suggestions?event=${eventId}&${query}`;
}

/**
 * Accepts a suggestion, as the editor may have edited it: a step on the leader's entry at the
 * event, or a new entry (and a new leader) with it as the first step. It goes through the same
 * data-layer writes as the entry and step forms: their permission, validation, anchoring,
 * date guards and revision. A new leader whose name a leader already has is not created until
 * the editor confirms it is another person, as on the leader form.
 * Bound: the source's id, then the event's.
 */
export async function acceptSuggestionAction(
  sourceId: unknown,
  eventId: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = formDataToObject(formData);
  const editor = await getEditor();
  if (!editor) return { message: SIGNED_OUT_MESSAGE, values };
  const source = idSchema.safeParse(sourceId);
  const event = idSchema.safeParse(eventId);
  if (!source.success || !event.success)
    return { message: "This source or event does not exist.", values };
  const key = suggestionKeyField.safeParse(values.key);
  if (!key.success) return { message: key.error.issues[0]!.message, values };

  const claim = {
    status: values.status,
    asOf: values.asOf,
    representativeId: values.representativeId,
    citations: [{ sourceId: String(source.data), quote: values.quote, start: values.start }],
    confirmDates: values.confirmDates,
  };
  const mode = acceptLeaderModeField.parse(values.leaderMode);
  let result;
  if (mode === "existing") {
    const leaderId = idSchema.safeParse(values.leaderId);
    if (!leaderId.success)
      return { message: "This leader does not exist; reload the page.", values };
    const entryId = await findEntryId(event.data, leaderId.data);
    if (entryId !== null) {
      const parsed = stepFormSchema.safeParse({ ...claim, note: values.note });
      if (!parsed.success)
        return { message: NEEDS_ATTENTION, errors: fieldErrors(parsed.error), values };
      result = await addStep(editor, entryId, parsed.data);
    } else {
      const parsed = attendanceFormSchema.safeParse({
        ...claim,
        eventId: String(event.data),
        leaderMode: "existing",
        leaderId: String(leaderId.data),
        stepNote: values.note,
      });
      if (!parsed.success)
        return { message: NEEDS_ATTENTION, errors: fieldErrors(parsed.error), values };
      result = await createAttendance(editor, parsed.data);
    }
  } else {
    const parsed = attendanceFormSchema.safeParse({
      ...claim,
      eventId: String(event.data),
      leaderMode: "new",
      leader: values.leader,
      stepNote: values.note,
    });
    if (!parsed.success)
      return { message: NEEDS_ATTENTION, errors: fieldErrors(parsed.error), values };
    if (values.confirmDuplicate !== "yes" && "create" in parsed.data.leader) {
      const duplicates = await findSimilarLeaders([parsed.data.leader.create.name]);
      if (duplicates.length > 0) {
        const first = duplicates[0]!;
        return {
          message: `There is already ${first.name} (${first.office}, ${first.polity}). Accept the claim for that leader from their own suggestion or entry, or tick “This is another person” and accept again.`,
          duplicates,
          values,
        };
      }
    }
    result = await createAttendance(editor, parsed.data);
  }
  if (!result.ok) return failureState(result, values);

  await revalidatePublicPages({
    eventSlugs: [result.eventSlug],
    attendanceIds: [result.attendanceId],
    sourceIds: result.sourceIds,
    leaderIds: result.leaderIds,
  });
  redirect(suggestionsPage(source.data, event.data, `saved=accepted&entry=${result.attendanceId}`));
}

/**
 * Dismisses a suggestion for this source and event: recorded (who, when, what), so it is not
 * suggested again. Bound: the source's id, then the event's.
 */
export async function dismissSuggestionAction(
  sourceId: unknown,
  eventId: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = formDataToObject(formData);
  const editor = await getEditor();
  if (!editor) return { message: SIGNED_OUT_MESSAGE, values };
  const source = idSchema.safeParse(sourceId);
  const event = idSchema.safeParse(eventId);
  if (!source.success || !event.success)
    return { message: "This source or event does not exist.", values };
  const parsed = dismissSuggestionSchema.safeParse(values);
  if (!parsed.success) return { message: parsed.error.issues[0]!.message, values };
  const result = await dismissSuggestion(editor, {
    ...parsed.data,
    sourceId: source.data,
    eventId: event.data,
  });
  if (!result.ok) return failureState(result, values);
  redirect(suggestionsPage(source.data, event.data, "saved=dismissed"));
}
