"use client";

import { useFormPermalink } from "@/components/ui/form-permalink";
import { useActionState } from "react";
import { FieldError, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/validation/errors";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * One click confirms the new wording of a citation re-found in an edited text. Carries the
 * version of the text the editor saw, so a newer edit is not confirmed unseen.
 */
export function ConfirmCitationForm({
  action,
  checkedVersion,
  label,
}: {
  action: Action;
  checkedVersion: number;
  label: string;
}) {
  const permalink = useFormPermalink();
  const [state, formAction] = useActionState<FormState, FormData>(action, {}, permalink);
  return (
    <form action={formAction} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="version" value={checkedVersion} />
      <SubmitButton pendingLabel="Confirming…">{label}</SubmitButton>
    </form>
  );
}

/** Cites other words of the current text for a citation, found exactly as typed. */
export function ReciteCitationForm({
  action,
  checkedVersion,
  citationId,
  suggestion,
}: {
  action: Action;
  checkedVersion: number;
  citationId: number;
  /** The closest passage of the current text, to start from; empty when none was found. */
  suggestion: string;
}) {
  const permalink = useFormPermalink();
  const [state, formAction] = useActionState<FormState, FormData>(action, {}, permalink);
  const id = `recite-${citationId}`;
  const value = typeof state.values?.quote === "string" ? state.values.quote : suggestion;
  return (
    <form action={formAction} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="version" value={checkedVersion} />
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          Quote from the current text
        </label>
        <p id={`${id}-hint`} className="text-sm text-slate-600 dark:text-slate-400">
          {suggestion
            ? "The closest passage of the current text is filled in; trim it to the words that support the status."
            : "Nothing close was found in the current text; paste the words that support the status, or edit the entry."}
        </p>
        <textarea
          id={id}
          name="quote"
          rows={3}
          defaultValue={value}
          key={value}
          required
          aria-describedby={`${id}-hint ${id}-error`}
          aria-invalid={Boolean(state.errors?.quote)}
          className={inputClass}
        />
        <FieldError id={`${id}-error`} errors={state.errors?.quote} />
      </div>
      <SubmitButton pendingLabel="Citing…">Cite these words</SubmitButton>
    </form>
  );
}
