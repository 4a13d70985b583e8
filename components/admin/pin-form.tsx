"use client";

import { useFormPermalink } from "@/components/ui/form-permalink";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/validation/errors";

export type PinFormProps = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  version: number;
  pinned: boolean;
};

/** Pins the event to the home page, or hands the choice back to the date rule. */
export function PinForm({ action, version, pinned }: PinFormProps) {
  const permalink = useFormPermalink();
  const [state, formAction] = useActionState<FormState, FormData>(action, {}, permalink);
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="pinned" value={pinned ? "no" : "yes"} />
      <SubmitButton pendingLabel={pinned ? "Unpinning…" : "Pinning…"}>
        {pinned ? "Unpin from the home page" : "Pin to the home page"}
      </SubmitButton>
    </form>
  );
}
