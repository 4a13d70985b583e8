import type { FormState } from "@/lib/validation/errors";

export type ConflictChangesProps = {
  changes: NonNullable<FormState["conflict"]>["changes"];
  /** The other save was the editor's own, in another session. */
  sameAccount?: boolean;
};

/** What another editor changed since the form was opened, field by field. */
export function ConflictChanges({ changes, sameAccount }: ConflictChangesProps) {
  return (
    <table className="mt-2 w-full text-left text-sm">
      <caption className="sr-only">What changed meanwhile</caption>
      <thead>
        <tr>
          <th scope="col" className="pr-3">
            Field
          </th>
          <th scope="col" className="pr-3">
            {sameAccount ? "Now (saved in your other session)" : "Now (saved by someone else)"}
          </th>
          <th scope="col">When you opened the form</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change, i) => (
          // A field can change twice (two citations added): the position tells them apart.
          <tr key={`${i}-${change.field}`} className="align-top">
            <th scope="row" className="pr-3 font-medium">
              {change.field}
            </th>
            <td className="pr-3 whitespace-pre-line">{change.theirs}</td>
            <td className="whitespace-pre-line">{change.yours}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
