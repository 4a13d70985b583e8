"use client";

import Link from "next/link";
import { useFormPermalink } from "@/components/ui/form-permalink";
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
  const permalink = useFormPermalink();
  const [state, formAction] = useActionState<FormState, FormData>(action, {}, permalink);
  return (
    <form action={formAction} className="mt-2 space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <SubmitButton pendingLabel="Restoring…">{label}</SubmitButton>
    </form>
  );
}

export type RevertLinkProps = { attendanceId: number; revisionId: number; label: string };

/**
 * Where a revert starts: its confirmation page, which shows what restoring the version changes
 * before anything is changed (one click used to change the public page).
 */
export function RevertLink({ attendanceId, revisionId, label }: RevertLinkProps) {
  return (
    <p className="mt-2">
      <Link
        href={`/admin/entries/${attendanceId}/revert/${revisionId}`}
        className="inline-block rounded border border-slate-500 px-3 py-1.5 text-sm font-medium"
      >
        {label}…
      </Link>
    </p>
  );
}
