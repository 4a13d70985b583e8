"use client";

import { useFormPermalink } from "@/components/ui/form-permalink";
import { useActionState, useState } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { describePlacement } from "@/lib/history/placement";
import type { StoryStep } from "@/lib/history/story";
import type { FormState } from "@/lib/validation/errors";
import { indexedToArray } from "@/lib/validation/form-data";
import { CitationFields, type CitationValues } from "./citation-fields";
import { formKey } from "./form-key";
import { ClaimChoices, ConfirmDatesField, RepresentativeField } from "./step-claim-fields";

export type StepFormValues = {
  version?: number;
  /** The claim: a status, or an outcome's value (the form's `status` choices). */
  status?: string;
  representativeId?: number | string | null;
  asOf?: string | null;
  note?: string;
  citations?: CitationValues[];
};

export type StepFormProps = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Makes the fields' ids unique on a page with several step forms. */
  idPrefix: string;
  /** The form's accessible name, e.g. "Add a step" or "Step: Confirmed, as of 12 April 2025". */
  title: string;
  initial: StepFormValues;
  sources: { id: number; title: string; publisher: string; url: string }[];
  /** The people who may be named as the leader's representative. */
  leaders: { id: number; name: string; polity: string; office?: string }[];
  /** The entry's other steps, for saying where this one falls. */
  others: StoryStep[];
  /** The entry's status now. */
  currentStatus: string | null;
  editing: boolean;
  submitLabel: string;
};

const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));

function valuesFrom(state: FormState, initial: StepFormValues): StepFormValues {
  if (!state.values) return initial;
  const v = state.values as Record<string, unknown>;
  return {
    version: state.conflict?.version ?? (Number(v.version) || initial.version),
    status: str(v.status),
    representativeId: str(v.representativeId),
    asOf: str(v.asOf),
    note: str(v.note),
    citations: indexedToArray(v.citations) as StepFormValues["citations"],
  };
}

/** A step of the story, added or edited: status, as-of date, note and citations. */
export function StepForm(props: StepFormProps) {
  const permalink = useFormPermalink();
  const [state, action] = useActionState<FormState, FormData>(props.action, {}, permalink);
  return (
    <form action={action} aria-label={props.title} className="space-y-4" noValidate>
      <FormMessage state={state} idPrefix={`${props.idPrefix}-`} />
      <StepFields
        key={formKey(state)}
        {...props}
        state={state}
        values={valuesFrom(state, props.initial)}
      />
    </form>
  );
}

type StepFieldsProps = StepFormProps & { state: FormState; values: StepFormValues };

function StepFields({
  idPrefix,
  values,
  state,
  sources,
  leaders,
  others,
  currentStatus,
  editing,
  submitLabel,
}: StepFieldsProps) {
  const errors = state.errors ?? {};
  const [status, setStatus] = useState(str(values.status));
  const [asOf, setAsOf] = useState(str(values.asOf));
  const id = (name: string) => `${idPrefix}-${name}`;
  const placement = describePlacement(
    others,
    { status, asOf: asOf || null },
    currentStatus,
    editing,
  );

  return (
    <>
      {values.version !== undefined && (
        <input type="hidden" name="version" value={values.version} />
      )}
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <ClaimChoices
          errorId={id("status-error")}
          errors={errors.status}
          value={status}
          onChange={setStatus}
        />
        <Field
          id={id("asOf")}
          label="As of"
          hint="The date the source asserts it; empty if it gives none"
          errors={errors.asOf}
        >
          {(p) => (
            <input
              {...p}
              type="date"
              name="asOf"
              value={asOf}
              onChange={(e) => setAsOf(e.target.value)}
              className={inputClass}
            />
          )}
        </Field>
      </div>
      <p
        aria-live="polite"
        className="rounded border border-slate-300 bg-slate-50 p-2 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        {placement}
      </p>
      <ConfirmDatesField id={id("confirmDates")} errors={errors} />
      <Field
        id={id("note")}
        label="Public note on this status (optional)"
        hint="A short qualifier readers see beside the status, on the map and in the CSV: “in Moscow; did not attend the parade”."
        errors={errors.note}
      >
        {(p) => (
          <textarea
            {...p}
            name="note"
            rows={2}
            maxLength={2000}
            defaultValue={values.note ?? ""}
            className={inputClass}
          />
        )}
      </Field>
      <RepresentativeField
        id={id("representativeId")}
        leaders={leaders}
        value={str(values.representativeId)}
        errors={errors.representativeId}
      />

      <CitationFields
        idPrefix={`${idPrefix}-`}
        legend="Citations of this step"
        hint="The exact words of the source that support this step, selected in its text or pasted; a row left empty is ignored."
        sources={sources}
        // One empty row more than the step has: without JavaScript it is the way to add one.
        initial={[...(values.citations ?? []).filter((c) => c.quote), {}]}
        errors={errors}
        help={state.help}
        blankRows
      />
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
    </>
  );
}
