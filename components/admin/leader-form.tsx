"use client";

import { useActionState } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/validation/errors";
import { formKey } from "./form-key";

export type LeaderFormProps = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: {
    version: number;
    name: string;
    office: string;
    polity: string;
    countryCode: string | null;
  };
};

export function LeaderForm({ action, initial }: LeaderFormProps) {
  const [state, formAction] = useActionState<FormState, FormData>(action, {});
  const key = formKey(state);
  const v = (state.values ?? initial) as Record<string, unknown>;
  const value = (name: string) => (typeof v[name] === "string" ? (v[name] as string) : "");
  const errors = state.errors ?? {};
  return (
    <form action={formAction} className="max-w-xl space-y-4" noValidate key={key}>
      <FormMessage state={state} />
      <input type="hidden" name="version" value={state.conflict?.version ?? initial.version} />
      <Field id="name" label="Name" errors={errors.name}>
        {(p) => (
          <input
            {...p}
            name="name"
            defaultValue={value("name")}
            maxLength={200}
            className={inputClass}
          />
        )}
      </Field>
      <Field id="office" label="Office" errors={errors.office}>
        {(p) => (
          <input
            {...p}
            name="office"
            defaultValue={value("office")}
            maxLength={200}
            className={inputClass}
          />
        )}
      </Field>
      <Field id="polity" label="Country or entity" errors={errors.polity}>
        {(p) => (
          <input
            {...p}
            name="polity"
            defaultValue={value("polity")}
            maxLength={200}
            className={inputClass}
          />
        )}
      </Field>
      <Field
        id="countryCode"
        label="ISO country code"
        hint="Two letters, such as VE; empty if none"
        errors={errors.countryCode}
      >
        {(p) => (
          <input
            {...p}
            name="countryCode"
            defaultValue={value("countryCode")}
            maxLength={2}
            className={`${inputClass} uppercase`}
          />
        )}
      </Field>
      <SubmitButton pendingLabel="Saving…">Save leader</SubmitButton>
    </form>
  );
}
