import type { ReactNode } from "react";

export const inputClass =
  "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-base text-slate-900 aria-[invalid=true]:border-red-700 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:aria-[invalid=true]:border-red-400";

export type FieldErrorProps = { id: string; errors?: string[] };

/** A field's error, announced politely; its id is what the input's aria-describedby names. */
export function FieldError({ id, errors }: FieldErrorProps) {
  return (
    <div id={id} aria-live="polite" className="text-sm text-red-800 dark:text-red-300">
      {errors?.map((error) => (
        <p key={error} className="mt-1 whitespace-pre-line">
          {error}
        </p>
      ))}
    </div>
  );
}

export type FieldProps = {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (props: {
    id: string;
    "aria-describedby": string;
    "aria-invalid": boolean;
  }) => ReactNode;
};

/** A labelled field with its hint and error, wired for screen readers. */
export function Field({ id, label, hint, errors, children }: FieldProps) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      )}
      {children({
        id,
        "aria-describedby": hint ? `${hintId} ${errorId}` : errorId,
        "aria-invalid": Boolean(errors?.length),
      })}
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}
