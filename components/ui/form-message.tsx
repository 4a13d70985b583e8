import type { FormState } from "@/lib/validation/errors";

export type FormMessageProps = { state: FormState };

/** The form's overall message, and on a conflict what the other editor changed. */
export function FormMessage({ state }: FormMessageProps) {
  if (!state.message) return null;
  return (
    <div
      role="alert"
      className="rounded border border-red-700 bg-red-50 p-3 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-medium">{state.message}</p>
      {state.conflict && state.conflict.changes.length > 0 && (
        <table className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">What changed meanwhile</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-3">
                Field
              </th>
              <th scope="col" className="pr-3">
                Now (saved by someone else)
              </th>
              <th scope="col">When you opened the form</th>
            </tr>
          </thead>
          <tbody>
            {state.conflict.changes.map((change) => (
              <tr key={change.field} className="align-top">
                <th scope="row" className="pr-3 font-medium">
                  {change.field}
                </th>
                <td className="pr-3 whitespace-pre-line">{change.theirs}</td>
                <td className="whitespace-pre-line">{change.yours}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export type FlashProps = { message?: string };

/** A short confirmation after a save, read out by screen readers. */
export function Flash({ message }: FlashProps) {
  if (!message) return null;
  return (
    <p
      role="status"
      className="rounded border border-emerald-700 bg-emerald-50 p-3 font-medium text-emerald-900 dark:border-emerald-400 dark:bg-emerald-950 dark:text-emerald-100"
    >
      {message}
    </p>
  );
}
