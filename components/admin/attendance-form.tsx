"use client";

import { useFormPermalink } from "@/components/ui/form-permalink";
import { useActionState, useEffect, useRef, useState } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { formatDayRange } from "@/lib/text/format-day";
import type { FormState } from "@/lib/validation/errors";
import { indexedToArray } from "@/lib/validation/form-data";
import { DuplicateLeaderWarning } from "./duplicate-leader-warning";
import { CitationFields, type CitationValues } from "./citation-fields";
import { formKey } from "./form-key";
import { ClaimChoices, ConfirmDatesField, RepresentativeField } from "./step-claim-fields";
import { ExistingEntryLink } from "./quote-help";

export type AttendanceFormValues = {
  version?: number;
  eventId?: number | string;
  leaderMode?: "existing" | "new";
  leaderId?: number | string;
  leader?: { name?: string; office?: string; polity?: string; countryCode?: string };
  status?: string;
  representativeId?: number | string | null;
  asOf?: string | null;
  note?: string;
  /** The first step's public note. */
  stepNote?: string;
  citations?: CitationValues[];
};

export type AttendanceFormProps = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: AttendanceFormValues;
  events: { id: number; name: string; date: string; endDate: string }[];
  leaders: { id: number; name: string; polity: string; office?: string }[];
  sources: { id: number; title: string; publisher: string; url: string }[];
  submitLabel: string;
  /**
   * Whether the form also takes the entry's first step (status, as-of date, citations): when
   * creating it. An entry's story is then edited step by step (StepForm).
   */
  withFirstStep?: boolean;
};

const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));

function valuesFrom(state: FormState, initial: AttendanceFormValues): AttendanceFormValues {
  if (!state.values) return initial;
  const v = state.values as Record<string, unknown>;
  return {
    version: state.conflict?.version ?? (Number(v.version) || initial.version),
    eventId: str(v.eventId),
    leaderMode: v.leaderMode === "new" ? "new" : "existing",
    leaderId: str(v.leaderId),
    leader: (typeof v.leader === "object" && v.leader
      ? v.leader
      : {}) as AttendanceFormValues["leader"],
    status: str(v.status),
    representativeId: str(v.representativeId),
    asOf: str(v.asOf),
    note: str(v.note),
    stepNote: str(v.stepNote),
    citations: indexedToArray(v.citations) as AttendanceFormValues["citations"],
  };
}

export function AttendanceForm(props: AttendanceFormProps) {
  const permalink = useFormPermalink();
  const [state, action] = useActionState<FormState, FormData>(props.action, {}, permalink);
  const key = formKey(state);
  return (
    <form action={action} className="space-y-6" noValidate>
      <FormMessage state={state} />
      <AttendanceFields
        key={key}
        {...props}
        state={state}
        values={valuesFrom(state, props.initial)}
      />
    </form>
  );
}

type FieldsProps = AttendanceFormProps & { state: FormState; values: AttendanceFormValues };

function AttendanceFields({
  values,
  state,
  events,
  leaders,
  sources,
  submitLabel,
  withFirstStep = true,
}: FieldsProps) {
  const errors = state.errors ?? {};
  const [mode, setMode] = useState<"existing" | "new">(values.leaderMode ?? "existing");
  const [eventId, setEventId] = useState(str(values.eventId));
  const chosenEvent = events.find((e) => String(e.id) === eventId);
  // Uncontrolled, so an event chosen before the page's script ran is kept; its name is read
  // back once the script runs.
  const eventSelect = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (eventSelect.current) setEventId(eventSelect.current.value);
  }, []);

  return (
    <>
      {values.version !== undefined && (
        <input type="hidden" name="version" value={values.version} />
      )}

      <Field id="eventId" label="Event" errors={errors.eventId}>
        {(p) => (
          // Uncontrolled: React resets a form after its action, and a controlled select has no
          // default to go back to, so it showed "Choose an event" while the state kept the event.
          <select
            {...p}
            ref={eventSelect}
            name="eventId"
            defaultValue={str(values.eventId)}
            onChange={(e) => setEventId(e.target.value)}
            className={inputClass}
            required
          >
            <option value="">Choose an event</option>
            {events.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name} ({e.date === e.endDate ? e.date : `${e.date} to ${e.endDate}`})
              </option>
            ))}
          </select>
        )}
      </Field>

      <fieldset className="space-y-3 rounded-lg border border-slate-300 p-4 dark:border-slate-700">
        <legend className="px-1 font-semibold">Leader</legend>
        <div className="flex flex-wrap gap-4">
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="leaderMode"
              value="existing"
              checked={mode === "existing"}
              onChange={() => setMode("existing")}
            />
            An existing leader
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="leaderMode"
              value="new"
              checked={mode === "new"}
              onChange={() => setMode("new")}
            />
            A new leader
          </label>
        </div>
        <div hidden={mode !== "existing"}>
          <Field id="leaderId" label="Existing leader" errors={errors.leaderId}>
            {(p) => (
              <select
                {...p}
                name="leaderId"
                defaultValue={str(values.leaderId)}
                className={inputClass}
              >
                <option value="">Choose a leader</option>
                {leaders.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name} ({l.polity})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <ExistingEntryLink
            help={state.help?.leaderId}
            // The step's public note goes to the step form's note; the editors' note on the
            // entry is not the step's, and is never carried into a public field.
            step={{ ...values, note: values.stepNote }}
          />
        </div>
        <div hidden={mode !== "new"} className="grid gap-3 sm:grid-cols-2">
          <Field id="leader.name" label="Name" errors={errors["leader.name"]}>
            {(p) => (
              <input
                {...p}
                name="leader.name"
                defaultValue={values.leader?.name ?? ""}
                maxLength={200}
                className={inputClass}
              />
            )}
          </Field>
          <DuplicateLeaderWarning inputIds={["leader.name"]} className="sm:col-span-2" />
          <Field
            id="leader.office"
            label="Office"
            hint="For example: President, Prime Minister"
            errors={errors["leader.office"]}
          >
            {(p) => (
              <input
                {...p}
                name="leader.office"
                defaultValue={values.leader?.office ?? ""}
                maxLength={200}
                className={inputClass}
              />
            )}
          </Field>
          <Field
            id="leader.polity"
            label="Country or entity"
            hint="As people say it: Venezuela, Republika Srpska"
            errors={errors["leader.polity"]}
          >
            {(p) => (
              <input
                {...p}
                name="leader.polity"
                defaultValue={values.leader?.polity ?? ""}
                maxLength={200}
                className={inputClass}
              />
            )}
          </Field>
          <Field
            id="leader.countryCode"
            label="ISO country code"
            hint="Two letters, such as VE; empty if none"
            errors={errors["leader.countryCode"]}
          >
            {(p) => (
              <input
                {...p}
                name="leader.countryCode"
                defaultValue={values.leader?.countryCode ?? ""}
                maxLength={2}
                autoCapitalize="characters"
                className={`${inputClass} uppercase`}
              />
            )}
          </Field>
        </div>
      </fieldset>

      {withFirstStep && (
        <>
          <ClaimChoices
            errorId="status-error"
            errors={errors.status}
            value={str(values.status)}
            described
          />
        </>
      )}

      <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
        {withFirstStep && (
          <Field id="asOf" label="As of" hint="The date the source asserts it" errors={errors.asOf}>
            {(p) => (
              <input
                {...p}
                type="date"
                name="asOf"
                defaultValue={str(values.asOf)}
                className={inputClass}
              />
            )}
          </Field>
        )}
        <Field id="note" label="Editors' note on the entry (optional)" errors={errors.note}>
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
      </div>

      {withFirstStep && (
        <>
          <ConfirmDatesField id="confirmDates" errors={errors} />
          <Field
            id="stepNote"
            label="Public note on this status (optional)"
            hint="A short qualifier readers see beside the status, on the map and in the CSV: “in Moscow; did not attend the parade”."
            errors={errors.stepNote}
          >
            {(p) => (
              <textarea
                {...p}
                name="stepNote"
                rows={2}
                maxLength={2000}
                defaultValue={values.stepNote ?? ""}
                className={inputClass}
              />
            )}
          </Field>
          <RepresentativeField
            id="representativeId"
            leaders={leaders}
            value={str(values.representativeId)}
            errors={errors.representativeId}
          />
          <CitationFields
            sources={sources}
            initial={values.citations ?? []}
            errors={errors}
            help={state.help}
          />
        </>
      )}

      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
        <p className="text-sm" aria-live="polite" id="chosen-event">
          {chosenEvent ? (
            <>
              Saves to <strong>{chosenEvent.name}</strong>,{" "}
              {formatDayRange(chosenEvent.date, chosenEvent.endDate)}
            </>
          ) : (
            "No event chosen yet: choose one above."
          )}
        </p>
      </div>
    </>
  );
}
