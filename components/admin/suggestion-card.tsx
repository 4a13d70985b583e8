"use client";

import { useActionState } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/validation/errors";

type Person =
  | { kind: "known"; id: number; name: string }
  | { kind: "new"; name: string; office: string; polity: string; countryCode: string | null };

export type SuggestionCardProps = {
  index: number;
  suggestion: {
    key: string;
    leader: Person;
    claim: string;
    claimLabel: string;
    representative: Person | null;
    asOf: string | null;
    asOfLabel: string;
    quote: { quote: string; start: number };
    reason: string;
    hasEntry: boolean;
  };
  accept: (state: FormState, formData: FormData) => Promise<FormState>;
  dismiss: (state: FormState, formData: FormData) => Promise<FormState>;
};

const CLAIMS = [
  ["confirmed", "Confirmed"],
  ["reported", "Reported"],
  ["declined", "Declined"],
  ["attended", "Attended (after the event)"],
  ["partly_attended", "Partly attended (after the event)"],
  ["did_not_attend", "Did not attend (after the event)"],
] as const;

const str = (v: unknown, fallback: string) => (typeof v === "string" ? v : fallback);

/**
 * One claim suggestion: what was read, an accept form the editor may edit first, and a dismiss
 * form. Both work without JavaScript; with it, the buttons say while the save is under way.
 */
export function SuggestionCard({ index, suggestion: s, accept, dismiss }: SuggestionCardProps) {
  const [acceptState, acceptAction] = useActionState(accept, {});
  const [dismissState, dismissAction] = useActionState(dismiss, {});
  const prefix = `s${index}-`;
  const v = acceptState.values ?? {};
  const leaderValues = (
    typeof v.leader === "object" && v.leader !== null ? v.leader : {}
  ) as Record<string, unknown>;
  const errors = acceptState.errors ?? {};
  const headingId = `${prefix}heading`;
  const isNew = s.leader.kind === "new";
  const representativeNote =
    s.representative && s.representative.kind === "new"
      ? `Represented by ${s.representative.name}.`
      : "";
  const summary = `${s.leader.name}: ${s.claimLabel}, ${s.asOfLabel}`;
  return (
    <article
      aria-labelledby={headingId}
      className="space-y-3 rounded border border-slate-300 p-4 dark:border-slate-700"
    >
      <h3 id={headingId} className="text-lg font-semibold">
        {s.leader.name}
        {isNew && <span className="font-normal"> (new leader)</span>}: {s.claimLabel}, {s.asOfLabel}
      </h3>
      <blockquote className="border-l-4 border-slate-400 pl-3 font-serif">
        “{s.quote.quote}”
      </blockquote>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Why: {s.reason}
        {s.representative && <> · Delegate: {s.representative.name}</>}
        {s.hasEntry ? " · Adds a step to the leader’s entry." : " · Creates the leader’s entry."}
      </p>
      <form action={acceptAction} className="space-y-3">
        <FormMessage state={acceptState} idPrefix={prefix} />
        <input type="hidden" name="key" value={s.key} />
        <input type="hidden" name="start" value={String(s.quote.start)} />
        <input type="hidden" name="leaderMode" value={isNew ? "new" : "existing"} />
        {s.leader.kind === "known" && (
          <input type="hidden" name="leaderId" value={String(s.leader.id)} />
        )}
        {s.representative?.kind === "known" && (
          <input type="hidden" name="representativeId" value={String(s.representative.id)} />
        )}
        <details open={Object.keys(errors).length > 0 || Boolean(acceptState.duplicates)}>
          <summary className="cursor-pointer font-medium">Edit before accepting</summary>
          <div className="mt-3 grid gap-3 sm:grid-cols-2">
            {s.leader.kind === "new" && (
              <>
                <Field id={`${prefix}leader.name`} label="Name" errors={errors["leader.name"]}>
                  {(p) => (
                    <input
                      {...p}
                      name="leader.name"
                      className={inputClass}
                      defaultValue={str(leaderValues.name, s.leader.name)}
                    />
                  )}
                </Field>
                <Field
                  id={`${prefix}leader.office`}
                  label="Office"
                  errors={errors["leader.office"]}
                >
                  {(p) => (
                    <input
                      {...p}
                      name="leader.office"
                      className={inputClass}
                      defaultValue={str(
                        leaderValues.office,
                        s.leader.kind === "new" ? s.leader.office : "",
                      )}
                    />
                  )}
                </Field>
                <Field
                  id={`${prefix}leader.polity`}
                  label="Country or entity"
                  errors={errors["leader.polity"]}
                >
                  {(p) => (
                    <input
                      {...p}
                      name="leader.polity"
                      className={inputClass}
                      defaultValue={str(
                        leaderValues.polity,
                        s.leader.kind === "new" ? s.leader.polity : "",
                      )}
                    />
                  )}
                </Field>
                <Field
                  id={`${prefix}leader.countryCode`}
                  label="Country code (ISO, two letters)"
                  errors={errors["leader.countryCode"]}
                >
                  {(p) => (
                    <input
                      {...p}
                      name="leader.countryCode"
                      className={inputClass}
                      defaultValue={str(
                        leaderValues.countryCode,
                        s.leader.kind === "new" ? (s.leader.countryCode ?? "") : "",
                      )}
                    />
                  )}
                </Field>
              </>
            )}
            <Field id={`${prefix}status`} label="Claim" errors={errors.status}>
              {(p) => (
                <select
                  {...p}
                  name="status"
                  className={inputClass}
                  defaultValue={str(v.status, s.claim)}
                >
                  {CLAIMS.map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`${prefix}asOf`} label="As of" errors={errors.asOf}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  name="asOf"
                  className={inputClass}
                  defaultValue={str(v.asOf, s.asOf ?? "")}
                />
              )}
            </Field>
            <div className="sm:col-span-2">
              <Field
                id={`${prefix}citations.0.quote`}
                label="Quote"
                hint="The exact words from the source; they are anchored in its text when you accept."
                errors={errors["citations.0.quote"] ?? errors.citations}
              >
                {(p) => (
                  <textarea
                    {...p}
                    name="quote"
                    rows={3}
                    className={inputClass}
                    defaultValue={str(v.quote, s.quote.quote)}
                  />
                )}
              </Field>
            </div>
            <div className="sm:col-span-2">
              <Field
                id={`${prefix}note`}
                label="Note on the step (optional)"
                errors={errors.stepNote ?? errors.note}
              >
                {(p) => (
                  <input
                    {...p}
                    name="note"
                    className={inputClass}
                    defaultValue={str(v.note, representativeNote)}
                  />
                )}
              </Field>
            </div>
          </div>
        </details>
        {acceptState.duplicates && (
          <div className="space-y-1">
            <p>Leaders with this name already:</p>
            <ul className="list-disc pl-5">
              {acceptState.duplicates.map((d) => (
                <li key={d.id}>
                  <a href={`/admin/leaders/${d.id}`}>{d.name}</a> ({d.office}, {d.polity})
                </li>
              ))}
            </ul>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="confirmDuplicate" value="yes" /> This is another person
            </label>
          </div>
        )}
        {errors.asOf && (
          <label className="flex items-center gap-2">
            <input type="checkbox" name="confirmDates" value="yes" /> The date is right: save it
            anyway
          </label>
        )}
        <SubmitButton pendingLabel="Accepting…">
          Accept<span className="sr-only"> {summary}</span>
        </SubmitButton>
      </form>
      <form action={dismissAction}>
        <FormMessage state={dismissState} idPrefix={`${prefix}d-`} />
        <input type="hidden" name="key" value={s.key} />
        <input type="hidden" name="leaderName" value={s.leader.name} />
        <input type="hidden" name="claim" value={s.claim} />
        <input type="hidden" name="quote" value={s.quote.quote} />
        <SubmitButton pendingLabel="Dismissing…" variant="secondary">
          Dismiss<span className="sr-only"> {summary}</span>
        </SubmitButton>
      </form>
    </article>
  );
}
