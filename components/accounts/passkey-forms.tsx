"use client";

import { startAuthentication, startRegistration } from "@simplewebauthn/browser";
import { useActionState } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { browserPasskeyRefusal } from "@/lib/accounts/passkeys";
import type { PasskeySignInState, StartPasskeyState } from "@/lib/actions/passkeys";
import type { FormState } from "@/lib/validation/errors";

type Action<S = FormState> = (state: S, formData: FormData) => Promise<S>;

const domExceptionName = (error: unknown) =>
  error instanceof Error ? error.name : typeof error === "string" ? error : undefined;

export type AddPasskeyFormProps = { start: Action<StartPasskeyState>; add: Action };

/**
 * Adds a passkey: the password and a name go to `start`, which answers with the options the
 * browser makes the passkey with (its prompt: PIN, fingerprint, face); what the browser made
 * goes to `add`, which checks and saves it, then reloads the account page.
 */
export function AddPasskeyForm({ start, add }: AddPasskeyFormProps) {
  const [state, formAction] = useActionState<FormState, FormData>(async (_previous, formData) => {
    const started = await start({}, formData);
    if (!started.ok || !started.options) return started;
    let response;
    try {
      response = await startRegistration({ optionsJSON: started.options });
    } catch (error) {
      return {
        message: browserPasskeyRefusal(domExceptionName(error), true),
        values: started.values,
      };
    }
    const made = new FormData();
    made.set("name", String(formData.get("name") ?? ""));
    made.set("response", JSON.stringify(response));
    // On success the action sends the browser back to the account page.
    return (await add({}, made)) ?? {};
  }, {});
  const name = typeof state.values?.name === "string" ? state.values.name : "";
  return (
    <form action={formAction} className="max-w-sm space-y-4" noValidate>
      <FormMessage state={state} idPrefix="passkey-" />
      <Field
        id="passkey-name"
        label="Name of the passkey"
        hint="The device or app that will hold it, so you know which one to remove."
        errors={state.errors?.name}
      >
        {(props) => (
          <input
            {...props}
            key={name}
            name="name"
            required
            maxLength={60}
            defaultValue={name}
            className={inputClass}
          />
        )}
      </Field>
      <Field id="passkey-password" label="Your password" errors={state.errors?.password}>
        {(props) => (
          <input
            {...props}
            name="password"
            type="password"
            required
            autoComplete="current-password"
            className={inputClass}
          />
        )}
      </Field>
      <SubmitButton pendingLabel="Adding… (follow your device's prompt)">
        Add a passkey
      </SubmitButton>
    </form>
  );
}

export type PasskeySignInFormProps = {
  start: () => Promise<PasskeySignInState>;
  signIn: Action;
  next: string;
};

/** Signs in with a passkey this device holds for the site: no email address or password. */
export function PasskeySignInForm({ start, signIn, next }: PasskeySignInFormProps) {
  const [state, formAction] = useActionState<FormState, FormData>(async () => {
    const started = await start();
    if (!started.ok || !started.options) return started;
    let response;
    try {
      response = await startAuthentication({ optionsJSON: started.options });
    } catch (error) {
      return { message: browserPasskeyRefusal(domExceptionName(error), false) };
    }
    const signed = new FormData();
    signed.set("response", JSON.stringify(response));
    signed.set("next", next);
    // On success the action sends the browser on to `next`.
    return (await signIn({}, signed)) ?? {};
  }, {});
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage state={state} idPrefix="passkey-" />
      <SubmitButton variant="secondary" pendingLabel="Waiting for your passkey…">
        Use a passkey
      </SubmitButton>
    </form>
  );
}
