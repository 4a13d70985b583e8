import type { ReactNode } from "react";

export type RecordDetailsProps = {
  /** Each value under the label its form gives it; null, false or "" reads "None". */
  items: { term: string; value: ReactNode }[];
};

/**
 * A record's values as text, where the role may read them but not change them: text reads and
 * copies better than a disabled form, and offers nothing to press.
 */
export function RecordDetails({ items }: RecordDetailsProps) {
  return (
    <dl className="grid max-w-2xl gap-x-6 gap-y-2 sm:grid-cols-[minmax(8rem,auto)_1fr]">
      {items.map(({ term, value }) => (
        <div key={term} className="sm:contents">
          <dt className="font-medium">{term}</dt>
          <dd className="break-words text-slate-800 dark:text-slate-200">
            {value == null || value === false || value === "" ? "None" : value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
