"use client";

import { useActionState } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { TwoFactorSetupState } from "@/lib/actions/account";
import type { FormState } from "@/lib/validation/errors";

type Action<S = FormState> = (state: S, formData: FormData) => Promise<S>;

function PasswordField({
  id,
  name,
  label,
  errors,
  autoComplete,
}: {
  id: string;
  name: string;
  label: string;
  errors?: string[];
  autoComplete: string;
}) {
  return (
    <Field id={id} label={label} errors={errors}>
      {(props) => (
        <input
          {...props}
          name={name}
          type="password"
          required
          autoComplete={autoComplete}
          className={inputClass}
        />
      )}
    </Field>
  );
}

export function ChangePasswordForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState<FormState, FormData>(action, {});
  return (
    <form action={formAction} className="max-w-sm space-y-4" noValidate>
      <FormMessage state={state} />
      <PasswordField
        id="currentPassword"
        name="currentPassword"
        label="Current password"
        errors={state.errors?.currentPassword}
        autoComplete="current-password"
      />
      <PasswordField
        id="newPassword"
        name="newPassword"
        label="New password (at least 12 characters)"
        errors={state.errors?.newPassword}
        autoComplete="new-password"
      />
      <PasswordField
        id="confirmPassword"
        name="confirmPassword"
        label="New password again"
        errors={state.errors?.confirmPassword}
        autoComplete="new-password"
      />
      <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
    </form>
  );
}

/** A form of the account's password alone (to turn two-factor sign-in off). */
export function PasswordConfirmForm({
  action,
  label,
  pendingLabel,
}: {
  action: Action;
  label: string;
  pendingLabel: string;
}) {
  const [state, formAction] = useActionState<FormState, FormData>(action, {});
  return (
    <form action={formAction} className="max-w-sm space-y-4" noValidate>
      <FormMessage state={state} />
      <PasswordField
        id="off-password"
        name="password"
        label="Your password"
        errors={state.errors?.password}
        autoComplete="current-password"
      />
      <SubmitButton variant="danger" pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
    </form>
  );
}

/**
 * Two steps: the password gives a secret (a QR code and the key to type) and backup codes;
 * then a code from the app turns two-factor sign-in on.
 */
export function TwoFactorSetupForm({
  start,
  confirm,
}: {
  start: Action<TwoFactorSetupState>;
  confirm: Action;
}) {
  const [started, startAction] = useActionState<TwoFactorSetupState, FormData>(start, {});
  const [confirmed, confirmAction] = useActionState<FormState, FormData>(confirm, {});
  const setup = started.setup;
  if (!setup) {
    return (
      <form action={startAction} className="max-w-sm space-y-4" noValidate>
        <FormMessage state={started} />
        <PasswordField
          id="setup-password"
          name="password"
          label="Your password"
          errors={started.errors?.password}
          autoComplete="current-password"
        />
        <SubmitButton pendingLabel="Starting…">Set up two-factor sign-in</SubmitButton>
      </form>
    );
  }
  return (
    <div className="space-y-6">
      <section aria-labelledby="scan-heading" className="space-y-3">
        <h2 id="scan-heading" className="text-lg font-semibold">
          1. Scan this code with your authenticator app
        </h2>
        <svg
          role="img"
          aria-label="QR code of the authenticator app's key"
          viewBox={`-4 -4 ${setup.qr.size + 8} ${setup.qr.size + 8}`}
          width="220"
          height="220"
          className="bg-white"
          shapeRendering="crispEdges"
        >
          <path d={setup.qr.path} fill="#000" />
        </svg>
        <p>
          Or type this key: <code data-testid="totp-secret">{setup.secret}</code>
        </p>
      </section>
      <section aria-labelledby="backup-heading" className="space-y-3">
        <h2 id="backup-heading" className="text-lg font-semibold">
          2. Keep these backup codes somewhere safe
        </h2>
        <p>Each works once, in place of a code from the app, if you lose your phone.</p>
        <ul aria-label="Backup codes" className="grid max-w-sm grid-cols-2 gap-1 font-mono">
          {setup.backupCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
      </section>
      <form action={confirmAction} className="max-w-sm space-y-4" noValidate>
        <h2 className="text-lg font-semibold">3. Enter the code the app shows</h2>
        <FormMessage state={confirmed} />
        <Field id="code" label="Code from the app" errors={confirmed.errors?.code}>
          {(props) => (
            <input
              {...props}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              className={inputClass}
            />
          )}
        </Field>
        <SubmitButton pendingLabel="Checking…">Turn on two-factor sign-in</SubmitButton>
      </form>
    </div>
  );
}
