"use client";

import Link from "next/link";
import { useFormPermalink } from "@/components/ui/form-permalink";
import { useActionState, useState } from "react";
import { Field, FieldError, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FetchNotice, FieldHelp, FormState } from "@/lib/validation/errors";
import { MAX_SOURCE_TEXT_LENGTH } from "@/lib/validation/source";
import { formatDay } from "@/components/format";
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
    language?: string;
    text: string;
    /** The number of the version `text` is (an existing source). */
    textVersion?: number;
  };
  submitLabel: string;
};

export function SourceForm({ action, initial, submitLabel }: SourceFormProps) {
  const permalink = useFormPermalink();
  const [state, formAction] = useActionState<FormState, FormData>(action, {}, permalink);
  // The source's fields follow every state but a refused fetch's, which carries the address
  // tried and nothing else: what the editor typed in them stays.
  const [fieldsState, setFieldsState] = useState(state);
  if (state !== fieldsState && !state.errors?.fetchUrl && (state.values || state.conflict)) {
    setFieldsState(state);
  }
  const key = formKey(fieldsState);
  const v = (fieldsState.values ?? initial) as Record<string, unknown>;
  const value = (name: string) => (typeof v[name] === "string" ? (v[name] as string) : "");
  const fetchValue = typeof state.values?.fetchUrl === "string" ? state.values.fetchUrl : "";
  const errors = state.errors ?? {};
  const version = fieldsState.conflict?.version ?? initial.version;
  return (
    <div className="space-y-4">
      <FormMessage state={state} />
      {/* A form of its own: Enter in a field of the source saves it rather than fetching. */}
      <form action={formAction} className="space-y-2" noValidate key={`fetch-${formKey(state)}`}>
        <input type="hidden" name="intent" value="fetch" />
        {initial.version !== undefined ? (
          <>
            <input type="hidden" name="version" value={initial.version} />
            <input type="hidden" name="fetchUrl" value={initial.url} />
            <p className="text-sm" id="fetchUrl">
              Fetch the page at the source&rsquo;s address again, to see whether its text changed
              since version {initial.textVersion ?? 1}.
            </p>
            <FieldError id="fetchUrl-error" errors={errors.fetchUrl} />
            <SubmitButton pendingLabel="Fetching…" variant="secondary">
              Fetch again
            </SubmitButton>
          </>
        ) : (
          <div className="flex flex-wrap items-start gap-2">
            <div className="min-w-0 grow">
              <Field
                id="fetchUrl"
                label="Address to fetch"
                hint="Rollcall reads the article, its title, publisher, dates and language from the page; check them below before saving. Or fill in the fields by hand."
                errors={errors.fetchUrl}
              >
                {(p) => (
                  <input
                    {...p}
                    name="fetchUrl"
                    type="url"
                    defaultValue={fetchValue}
                    maxLength={2000}
                    className={inputClass}
                  />
                )}
              </Field>
            </div>
            <div className="pt-6">
              <SubmitButton pendingLabel="Fetching…" variant="secondary">
                Fetch
              </SubmitButton>
            </div>
          </div>
        )}
      </form>
      {state.fetched && <FetchedNotice fetched={state.fetched} />}
      <form action={formAction} className="space-y-4" noValidate key={key}>
        {version !== undefined && <input type="hidden" name="version" value={version} />}
        {value("snapshotId") && (
          <input type="hidden" name="snapshotId" value={value("snapshotId")} />
        )}
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
          id="language"
          label="Language (optional)"
          hint="A language tag such as en, fr or pt-BR"
          errors={errors.language}
        >
          {(p) => (
            <input
              {...p}
              name="language"
              defaultValue={value("language")}
              maxLength={35}
              className={`${inputClass} max-w-40`}
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
    </div>
  );
}

/** What a fetch found, said once, as a status: the values themselves are in the fields. */
function FetchedNotice({ fetched }: { fetched: FetchNotice }) {
  const box =
    "rounded border border-emerald-700 bg-emerald-50 p-3 text-emerald-900 dark:border-emerald-400 dark:bg-emerald-950 dark:text-emerald-100";
  if (fetched.unchanged !== undefined) {
    return (
      <p role="status" className={box}>
        <span aria-hidden="true">✓ </span>
        The page&rsquo;s text is unchanged: it is still version {fetched.unchanged} (fetched{" "}
        {formatDay(fetched.fetchedAt)}). Nothing to save.
      </p>
    );
  }
  const facts = [
    fetched.publishedOn ? `published ${formatDay(fetched.publishedOn)}` : "no publication date",
    fetched.modifiedOn ? `modified ${formatDay(fetched.modifiedOn)}` : null,
    fetched.language ? `language “${fetched.language}”` : "no language given",
    `${fetched.characters.toLocaleString("en")} characters of text`,
  ].filter(Boolean);
  return (
    <div role="status" className={box}>
      <p className="font-medium">
        {fetched.nextVersion !== undefined
          ? `The page's text has changed. The new text is below, to save as version ${fetched.nextVersion}; the source's citations are re-found in it as with any edit.`
          : "Read from the page. Check each field against it, correct what is wrong, then save."}
      </p>
      <p className="mt-1 text-sm break-all">
        {fetched.url}: {facts.join(", ")}.
      </p>
    </div>
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
