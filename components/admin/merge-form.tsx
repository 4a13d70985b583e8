"use client";

import { useFormPermalink } from "@/components/ui/form-permalink";
import { useActionState } from "react";
import { FieldError } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/validation/errors";

export type MergeFormProps = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  version: number;
  otherId: number;
  submitLabel: string;
};

/** Merges another record of the same person into this one; its page is the confirmation. */
export function MergeForm({ action, version, otherId, submitLabel }: MergeFormProps) {
  const permalink = useFormPermalink();
  const [state, formAction] = useActionState<FormState, FormData>(action, {}, permalink);
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="version" value={state.conflict?.version ?? version} />
      <input type="hidden" name="otherId" value={otherId} />
      <FieldError id="otherId-error" errors={state.errors?.otherId} />
      <SubmitButton variant="danger" pendingLabel="Merging…">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
