"use client";

import { useFormPermalink } from "@/components/ui/form-permalink";
import { useActionState } from "react";
import { FieldError } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/validation/errors";

export type DeleteFormProps = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  version: number;
  confirmLabel: string;
  submitLabel: string;
  /** Ask for a tick in a box before deleting (entries); leaders delete on the button alone. */
  requireConfirm?: boolean;
};

export function DeleteForm({
  action,
  version,
  confirmLabel,
  submitLabel,
  requireConfirm = true,
}: DeleteFormProps) {
  const permalink = useFormPermalink();
  const [state, formAction] = useActionState<FormState, FormData>(action, {}, permalink);
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="version" value={version} />
      {requireConfirm && (
        <div>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              id="confirm"
              name="confirm"
              value="yes"
              aria-describedby="confirm-error"
            />
            {confirmLabel}
          </label>
          <FieldError id="confirm-error" errors={state.errors?.confirm} />
        </div>
      )}
      <SubmitButton variant="danger" pendingLabel="Deleting…">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
