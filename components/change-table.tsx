export type ChangeTableProps = {
  changes: { field: string; before: string; after: string }[];
  caption: string;
  /** The caption is read by screen readers only, unless it is shown. */
  showCaption?: boolean;
  beforeLabel?: string;
  afterLabel?: string;
};

/** Field by field, what a change took away and what it put in its place. */
export function ChangeTable({
  changes,
  caption,
  showCaption = false,
  beforeLabel = "Before",
  afterLabel = "After",
}: ChangeTableProps) {
  return (
    <table className="mt-2 w-full text-left text-sm">
      <caption className={showCaption ? "mb-2 text-left text-base font-semibold" : "sr-only"}>
        {caption}
      </caption>
      <thead className="text-slate-600 dark:text-slate-400">
        <tr>
          <th scope="col" className="w-32 pr-3 font-medium">
            Field
          </th>
          <th scope="col" className="pr-3 font-medium">
            {beforeLabel}
          </th>
          <th scope="col" className="font-medium">
            {afterLabel}
          </th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change, i) => (
          // A field can change twice (two citations added): the position tells them apart.
          <tr key={`${i}-${change.field}`} className="align-top">
            <th scope="row" className="pr-3 font-medium">
              {change.field}
            </th>
            <td className="pr-3 whitespace-pre-line">
              <del className="text-red-900 decoration-red-700 dark:text-red-200">
                {change.before}
              </del>
            </td>
            <td className="whitespace-pre-line">
              <ins className="text-emerald-900 no-underline dark:text-emerald-200">
                {change.after}
              </ins>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
