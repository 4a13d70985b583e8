"use client";

import { useActionState } from "react";
import { useFormPermalink } from "@/components/ui/form-permalink";

export type SignOutFormProps = {
  action: () => Promise<void>;
  editorName: string;
};

/** Who is signed in, and the button to sign out (posting to the page it is on without JavaScript). */
export function SignOutForm({ action, editorName }: SignOutFormProps) {
  const permalink = useFormPermalink();
  const [, formAction] = useActionState<void, FormData>(action, undefined, permalink);
  return (
    <form action={formAction} className="flex items-center gap-3 text-sm">
      <span>
        Signed in as <strong>{editorName}</strong>
      </span>
      <button
        type="submit"
        className="rounded border border-slate-500 px-2 py-1 hover:bg-white dark:hover:bg-slate-800"
      >
        Sign out
      </button>
    </form>
  );
}
