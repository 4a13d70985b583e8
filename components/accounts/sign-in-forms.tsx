"use client";

import { useActionState, useState } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/validation/errors";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function TwoFactorSignInForm({ action, next }: { action: Action; next: string }) {
  const [state, formAction] = useActionState<FormState, FormData>(action, {});
  const [backup, setBackup] = useState(false);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next} />
      <input type="hidden" name="method" value={backup ? "backup" : "totp"} />
      <Field
        id="code"
        label={backup ? "Backup code" : "Code from your authenticator app"}
        errors={state.errors?.code}
      >
        {(props) => (
          <input
            {...props}
            key={backup ? "backup" : "totp"}
            name="code"
            autoComplete="one-time-code"
            inputMode={backup ? "text" : "numeric"}
            required
            className={inputClass}
          />
        )}
      </Field>
      <SubmitButton pendingLabel="Checking…">Verify</SubmitButton>
      <p>
        <button type="button" className="underline" onClick={() => setBackup(!backup)}>
          {backup ? "Use a code from the app instead" : "Use a backup code instead"}
        </button>
      </p>
    </form>
  );
}

export function AcceptInvitationForm({ action, email }: { action: Action; email: string }) {
  const [state, formAction] = useActionState<FormState, FormData>(action, {});
  const name = typeof state.values?.name === "string" ? state.values.name : "";
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <p>
        Your account&apos;s email address: <strong>{email}</strong>
      </p>
      <Field id="name" label="Your name" errors={state.errors?.name}>
        {(props) => (
          <input
            {...props}
            key={name}
            name="name"
            autoComplete="name"
            required
            defaultValue={name}
            className={inputClass}
          />
        )}
      </Field>
      <Field
        id="password"
        label="Choose a password (at least 12 characters)"
        errors={state.errors?.password}
      >
        {(props) => (
          <input
            {...props}
            name="password"
            type="password"
            autoComplete="new-password"
            required
            className={inputClass}
          />
        )}
      </Field>
      <SubmitButton pendingLabel="Joining…">Join</SubmitButton>
    </form>
  );
}
