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
  keepName: string;
  candidates: { id: number; name: string; office: string; polity: string; entryCount: number }[];
};

/** Merges another record of the same person into this one. */
export function MergeForm({ action, version, keepName, candidates }: MergeFormProps) {
  const permalink = useFormPermalink();
  const [state, formAction] = useActionState<FormState, FormData>(action, {}, permalink);
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="version" value={state.conflict?.version ?? version} />
      <fieldset aria-describedby="otherId-error">
        <legend className="text-sm font-medium">The record to merge into {keepName}</legend>
        {candidates.map((c) => (
          <label key={c.id} className="mt-1 flex items-start gap-2">
            <input type="radio" name="otherId" value={c.id} className="mt-1.5" />
            <span>
              {c.name} ({c.office}, {c.polity}) · #{c.id} · {c.entryCount}{" "}
              {c.entryCount === 1 ? "entry" : "entries"}
            </span>
          </label>
        ))}
      </fieldset>
      <FieldError id="otherId-error" errors={state.errors?.otherId} />
      <div>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            name="confirm"
            value="yes"
            aria-describedby="merge-confirm-error"
          />
          Yes: move its entries to {keepName} and remove that record
        </label>
        <FieldError id="merge-confirm-error" errors={state.errors?.confirm} />
      </div>
      <SubmitButton variant="danger" pendingLabel="Merging…">
        Merge into this record
      </SubmitButton>
    </form>
  );
}
