import { Field, FieldError, inputClass } from "@/components/ui/field";
import { StatusIcon } from "@/components/status-badge";
import { CONFIRM_DATES_LABEL } from "@/lib/attendance/date-guards";
import {
  ATTENDANCE_OUTCOMES,
  ATTENDANCE_STATUSES,
  OUTCOME_DESCRIPTIONS,
  OUTCOME_LABELS,
  STATUS_DESCRIPTIONS,
  STATUS_LABELS,
} from "@/lib/attendance/status";
import type { FieldErrors } from "@/lib/validation/errors";

export type ClaimChoicesProps = {
  /** Prefix of the error element's id (unique on a page with several forms). */
  errorId: string;
  errors?: string[];
  /** Controlled when `onChange` is given; else `value` is the default. */
  value: string;
  onChange?: (value: string) => void;
  /** Each choice's description under it (the new-entry form), or the choices in a row. */
  described?: boolean;
};

/**
 * The step's claim, one radio group named `status`: a plan before the event (confirmed,
 * reported, declined) or an outcome after it (attended, partly attended, did not attend).
 */
export function ClaimChoices({ errorId, errors, value, onChange, described }: ClaimChoicesProps) {
  const choice = (key: string, label: string, description: string, icon: React.ReactNode) => (
    <label key={key} className={described ? "flex items-start gap-2" : "flex items-center gap-2"}>
      <input
        type="radio"
        name="status"
        value={key}
        {...(onChange
          ? { checked: value === key, onChange: () => onChange(key) }
          : { defaultChecked: value === key })}
        className={described ? "mt-1.5" : undefined}
      />
      <span>
        <span className="inline-flex items-center gap-1 font-medium">
          {icon} {label}
        </span>
        {described && (
          <span className="block text-sm text-slate-600 dark:text-slate-400">{description}</span>
        )}
      </span>
    </label>
  );
  const row = described ? "space-y-2" : "flex flex-wrap gap-x-4 gap-y-1";
  return (
    <fieldset aria-describedby={errorId} className="space-y-2">
      <legend className="text-sm font-medium">Status</legend>
      <p className="text-sm text-slate-600 dark:text-slate-400">Before the event: the plan</p>
      <div className={row}>
        {ATTENDANCE_STATUSES.map((s) =>
          choice(s, STATUS_LABELS[s], STATUS_DESCRIPTIONS[s], <StatusIcon status={s} />),
        )}
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">After the event: what happened</p>
      <div className={row}>
        {ATTENDANCE_OUTCOMES.map((o) =>
          choice(
            o,
            OUTCOME_LABELS[o],
            OUTCOME_DESCRIPTIONS[o],
            <span aria-hidden="true" className={`status-icon status-icon-${o}`} />,
          ),
        )}
      </div>
      <FieldError id={errorId} errors={errors} />
    </fieldset>
  );
}

export type RepresentativeFieldProps = {
  id: string;
  leaders: { id: number; name: string; polity: string; office?: string }[];
  value: string;
  errors?: string[];
};

/** Who the source says represented the leader: a person from the leaders table. */
export function RepresentativeField({ id, leaders, value, errors }: RepresentativeFieldProps) {
  return (
    <Field
      id={id}
      label="Represented by (optional)"
      hint="Who the source says was sent instead, e.g. a minister. Not listed? Add them as a leader first (Leaders, New leader), with their office."
      errors={errors}
    >
      {(p) => (
        <select {...p} name="representativeId" defaultValue={value} className={inputClass}>
          <option value="">No one named</option>
          {leaders.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name} ({l.office ? `${l.office}, ` : ""}
              {l.polity})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Shown once the guards questioned the as-of date: the box that saves it anyway. */
export function ConfirmDatesField({ id, errors }: { id: string; errors: FieldErrors }) {
  if (!errors.confirmDates) return null;
  return (
    <div className="rounded border border-amber-700 bg-amber-50 p-2 text-amber-950 dark:border-amber-300 dark:bg-slate-900 dark:text-amber-100">
      <label className="flex items-center gap-2 font-medium">
        <input
          type="checkbox"
          id={id}
          name="confirmDates"
          value="yes"
          aria-describedby={`${id}-error`}
        />
        {CONFIRM_DATES_LABEL}
      </label>
      <FieldError id={`${id}-error`} errors={errors.confirmDates} />
    </div>
  );
}
