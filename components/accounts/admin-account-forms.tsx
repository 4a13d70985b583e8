"use client";

import { useActionState } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { InviteState } from "@/lib/actions/accounts";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";
import type { FormState } from "@/lib/validation/errors";

type Action<S = FormState> = (state: S, formData: FormData) => Promise<S>;

export type InviteFormProps = { action: Action<InviteState> };

/** Invites by email and role; on success shows the link to pass on, once. */
export function InviteForm({ action }: InviteFormProps) {
  const [state, formAction] = useActionState<InviteState, FormData>(action, {});
  const email = typeof state.values?.email === "string" ? state.values.email : "";
  return (
    <form action={formAction} className="max-w-xl space-y-4" noValidate>
      <FormMessage state={state} idPrefix="invite-" />
      {state.link && (
        <div role="status" className="space-y-2 rounded border border-emerald-700 p-3">
          <p className="font-medium">
            Invitation for {state.email} created
            {state.sent ? " and sent by email" : ""}. Pass this link on; it works once, for 7 days,
            and is not shown again:
          </p>
          <input
            readOnly
            aria-label="Invitation link"
            value={state.link}
            className={`${inputClass} font-mono text-sm`}
          />
        </div>
      )}
      <Field id="invite-email" label="Email address" errors={state.errors?.email}>
        {(props) => (
          <input
            {...props}
            key={email}
            name="email"
            type="email"
            required
            defaultValue={email}
            className={inputClass}
          />
        )}
      </Field>
      <Field id="invite-role" label="Role" errors={state.errors?.role}>
        {(props) => (
          <select {...props} name="role" defaultValue="editor" className={inputClass}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SubmitButton pendingLabel="Inviting…">Invite</SubmitButton>
    </form>
  );
}

export type RoleFormProps = { action: Action; role: Role | null; name: string };

export function RoleForm({ action, role, name }: RoleFormProps) {
  const [state, formAction] = useActionState<FormState, FormData>(action, {});
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <FormMessage state={state} />
      <label className="text-sm">
        Role of {name}
        <select name="role" defaultValue={role ?? "reviewer"} className={inputClass}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <SubmitButton pendingLabel="Changing…">Change role</SubmitButton>
    </form>
  );
}

export type ButtonFormProps = {
  action: Action;
  label: string;
  pendingLabel: string;
  variant?: "primary" | "danger";
  fields?: Record<string, string>;
};

/** A form that is one button (disable, enable, revoke, end a session). */
export function ButtonForm({ action, label, pendingLabel, variant, fields = {} }: ButtonFormProps) {
  const [state, formAction] = useActionState<FormState, FormData>(action, {});
  return (
    <form action={formAction} className="space-y-2">
      <FormMessage state={state} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
    </form>
  );
}
