"use client";

import { useFormPermalink } from "@/components/ui/form-permalink";
import { useActionState } from "react";
import { signInAction } from "@/lib/actions/auth";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/validation/errors";

export type SignInFormProps = { next: string };

export function SignInForm({ next }: SignInFormProps) {
  const permalink = useFormPermalink();
  const [state, action] = useActionState<FormState, FormData>(signInAction, {}, permalink);
  const email = typeof state.values?.email === "string" ? state.values.email : "";
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next} />
      <Field id="email" label="Email address" errors={state.errors?.email}>
        {(props) => (
          <input
            {...props}
            key={email}
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={email}
            className={inputClass}
          />
        )}
      </Field>
      <Field id="password" label="Password" errors={state.errors?.password}>
        {(props) => (
          <input
            {...props}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            className={inputClass}
          />
        )}
      </Field>
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
