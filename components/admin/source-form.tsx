"use client";

import Link from "next/link";
import { useFormPermalink } from "@/components/ui/form-permalink";
import { useActionState } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FieldHelp, FormState } from "@/lib/validation/errors";
import { MAX_SOURCE_TEXT_LENGTH } from "@/lib/validation/source";
import { formKey } from "./form-key";

export type SourceFormProps = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: {
    version?: number;
    title: string;
    publisher: string;
    url: string;
    publishedOn: string | null;
    dateNote: string;
    text: string;
  };
  submitLabel: string;
};

export function SourceForm({ action, initial, submitLabel }: SourceFormProps) {
  const permalink = useFormPermalink();
  const [state, formAction] = useActionState<FormState, FormData>(action, {}, permalink);
  const key = formKey(state);
  const v = (state.values ?? initial) as Record<string, unknown>;
  const value = (name: string) => (typeof v[name] === "string" ? (v[name] as string) : "");
  const errors = state.errors ?? {};
  const version = state.conflict?.version ?? initial.version;
  return (
    <form action={formAction} className="space-y-4" noValidate key={key}>
      <FormMessage state={state} />
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="title" label="Title" errors={errors.title}>
          {(p) => (
            <input
              {...p}
              name="title"
              defaultValue={value("title")}
              maxLength={300}
              className={inputClass}
            />
          )}
        </Field>
        <Field id="publisher" label="Publisher" errors={errors.publisher}>
          {(p) => (
            <input
              {...p}
              name="publisher"
              defaultValue={value("publisher")}
              maxLength={200}
              className={inputClass}
            />
          )}
        </Field>
        <Field id="url" label="Web address" hint="http:// or https:// only" errors={errors.url}>
          {(p) => (
            <input
              {...p}
              name="url"
              type="url"
              defaultValue={value("url")}
              maxLength={2000}
              className={inputClass}
            />
          )}
        </Field>
        <ExistingSourceLink help={state.help?.url} />
        <Field
          id="publishedOn"
          label="Published on"
          hint="Leave empty when unknown"
          errors={errors.publishedOn}
        >
          {(p) => (
            <input
              {...p}
              name="publishedOn"
              type="date"
              defaultValue={value("publishedOn")}
              className={inputClass}
            />
          )}
        </Field>
      </div>
      <Field
        id="dateNote"
        label="Note on the date (optional)"
        hint="What is known when the exact date is not"
        errors={errors.dateNote}
      >
        {(p) => (
          <input
            {...p}
            name="dateNote"
            defaultValue={value("dateNote")}
            maxLength={500}
            className={inputClass}
          />
        )}
      </Field>
      <Field
        id="text"
        label="Full text"
        hint={`Verbatim, as published; up to ${MAX_SOURCE_TEXT_LENGTH.toLocaleString("en")} characters. Citations point into this text.`}
        errors={errors.text}
      >
        {(p) => (
          <textarea
            {...p}
            name="text"
            rows={16}
            maxLength={MAX_SOURCE_TEXT_LENGTH}
            defaultValue={value("text")}
            className={`${inputClass} font-serif`}
          />
        )}
      </Field>
      <ExistingSourceLink help={state.help?.text} />
      {initial.version !== undefined && (
        <Field
          id="textChangedOn"
          label="The publisher changed the text on (optional)"
          hint="For a new text: the day the publisher changed it, if known. Views of earlier days quote the text as it stood then; the day you save is kept beside it."
          errors={errors.textChangedOn}
        >
          {(p) => (
            <input
              {...p}
              name="textChangedOn"
              type="date"
              defaultValue={value("textChangedOn")}
              className={inputClass}
            />
          )}
        </Field>
      )}
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}

/** For "this source is already stored": the way to the stored one. */
function ExistingSourceLink({ help }: { help?: FieldHelp }) {
  if (help?.kind !== "existing-source") return null;
  return (
    <p className="text-sm sm:col-span-2">
      <Link href={`/admin/sources/${help.sourceId}`} className="underline">
        Open the stored source “{help.title}”
      </Link>
    </p>
  );
}
