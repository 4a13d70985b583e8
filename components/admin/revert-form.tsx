"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/validation/errors";

export type RevertFormProps = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  version: number;
  revisionId: number;
  label: string;
};

/** Restores an entry to a past revision; carries the version the page was loaded at. */
export function RevertForm({ action, version, revisionId, label }: RevertFormProps) {
  const [state, formAction] = useActionState<FormState, FormData>(action, {});
  return (
    <form action={formAction} className="mt-2 space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <SubmitButton pendingLabel="Restoring…">{label}</SubmitButton>
    </form>
  );
}
