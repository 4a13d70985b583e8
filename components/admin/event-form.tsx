"use client";

import { useFormPermalink } from "@/components/ui/form-permalink";
import { useActionState } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/validation/errors";
import { formKey } from "./form-key";

export type EventFormProps = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: {
    version?: number;
    name: string;
    date: string;
    /** The last day; "" or the first day for a one-day event. */
    endDate?: string;
    place: string;
    occasion: string;
    slug: string;
  };
  submitLabel: string;
};

export function EventForm({ action, initial, submitLabel }: EventFormProps) {
  const permalink = useFormPermalink();
  const [state, formAction] = useActionState<FormState, FormData>(action, {}, permalink);
  const key = formKey(state);
  const v = (state.values ?? initial) as Record<string, unknown>;
  const value = (name: string) => (typeof v[name] === "string" ? (v[name] as string) : "");
  const errors = state.errors ?? {};
  const version = state.conflict?.version ?? initial.version;
  const editing = initial.version !== undefined;
  return (
    <form action={formAction} className="max-w-xl space-y-4" noValidate key={key}>
      <FormMessage state={state} />
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      <Field id="name" label="Name" hint="Such as Victory Day Parade" errors={errors.name}>
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
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="date" label="Date (first day)" errors={errors.date}>
          {(p) => (
            <input
              {...p}
              type="date"
              name="date"
              defaultValue={value("date")}
              min="1900-01-01"
              max="2200-12-31"
              className={inputClass}
            />
          )}
        </Field>
        <Field
          id="endDate"
          label="Last day (optional)"
          hint="For an event of several days; empty for one day"
          errors={errors.endDate}
        >
          {(p) => (
            <input
              {...p}
              type="date"
              name="endDate"
              defaultValue={value("endDate") === value("date") ? "" : value("endDate")}
              min="1900-01-01"
              max="2200-12-31"
              className={inputClass}
            />
          )}
        </Field>
      </div>
      <Field id="place" label="Place" hint="Such as Red Square, Moscow" errors={errors.place}>
        {(p) => (
          <input
            {...p}
            name="place"
            defaultValue={value("place")}
            maxLength={200}
            className={inputClass}
          />
        )}
      </Field>
      <Field
        id="occasion"
        label="Occasion"
        hint="One line on what is marked or decided"
        errors={errors.occasion}
      >
        {(p) => (
          <input
            {...p}
            name="occasion"
            defaultValue={value("occasion")}
            maxLength={500}
            className={inputClass}
          />
        )}
      </Field>
      <Field
        id="slug"
        label="Address (slug)"
        hint={
          editing
            ? "The page is at /events/<slug>. If you change it, the old address keeps working: it redirects here. Empty: made again from the name and year."
            : "Leave empty to make it from the name and year, such as victory-day-parade-2025."
        }
        errors={errors.slug}
      >
        {(p) => (
          <input
            {...p}
            name="slug"
            defaultValue={value("slug")}
            maxLength={100}
            autoCapitalize="none"
            spellCheck={false}
            className={`${inputClass} font-mono`}
          />
        )}
      </Field>
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
