"use client";

import { useActionState, useEffect, useRef } from "react";
import { STATUS_LABELS, OUTCOME_LABELS } from "@/lib/attendance/status";
import type { ImportState } from "@/lib/actions/import";
import type { PlannedRow } from "@/lib/data/import-types";
import { SubmitButton } from "@/components/ui/submit-button";
import { formatDay } from "@/components/format";

export type ImportFormsProps = {
  preview: (state: ImportState, formData: FormData) => Promise<ImportState>;
  apply: (state: ImportState, formData: FormData) => Promise<ImportState>;
};

const VERDICTS: Record<PlannedRow["verdict"], string> = {
  add: "Will be added",
  skip: "Skipped",
  refuse: "Refused",
};

const QUOTE_CHECKS: Record<PlannedRow["quote"]["check"], string> = {
  found: "Found in the source",
  reworded: "Found with changed wording",
  "not-found": "Not found in the source",
  ambiguous: "Found several times",
  "no-source": "Not checked: no source",
};

function LeaderCell({ row }: { row: PlannedRow }) {
  if (!row.leader) return <>{row.leaderName || "—"}</>;
  if (row.leader.kind === "found")
    return (
      <>
        {row.leader.name}
        <span className="block text-xs text-slate-600 dark:text-slate-400">
          Found by {row.leader.via}
          {row.leader.via === "alias" ? ` (“${row.leaderName}”)` : ""}
        </span>
      </>
    );
  return (
    <>
      {row.leader.name}
      <span className="block text-xs text-slate-600 dark:text-slate-400">
        New leader{row.leader.office ? `: ${row.leader.office}, ${row.leader.polity}` : ""}
        {row.leader.polity &&
          (row.leader.countryCode
            ? ` (${row.leader.countryCode})`
            : " (no country code: no flag and no place on the map)")}
      </span>
    </>
  );
}

function claimText(row: PlannedRow) {
  if (!row.claim) return "—";
  const claim = row.claim.outcome
    ? OUTCOME_LABELS[row.claim.outcome]
    : STATUS_LABELS[row.claim.status];
  return `${claim}, ${row.claim.asOf ? `as of ${formatDay(row.claim.asOf)}` : "undated"}`;
}

/**
 * The import: a file and a dry run, then the dry run's rows and a button that applies them.
 * Both are plain forms, so they work without JavaScript; the apply form sends the dry run's
 * signed rows back, never the file, so it writes what the table shows.
 */
export function ImportForms({ preview, apply }: ImportFormsProps) {
  const [state, previewAction] = useActionState(preview, {});
  const [applied, applyAction] = useActionState(apply, {});
  const result = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state.preview) result.current?.focus();
  }, [state]);
  const p = state.preview;
  return (
    <div className="space-y-6">
      <form action={previewAction} className="max-w-xl space-y-3">
        <div className="space-y-1">
          <label htmlFor="import-file" className="block font-medium">
            CSV file
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
            required
            aria-describedby="import-file-help import-message"
            className="block w-full text-sm"
          />
          <p id="import-file-help" className="text-sm text-slate-600 dark:text-slate-400">
            The dry run writes nothing: it shows what each row would do, then you apply it.
          </p>
        </div>
        <p
          id="import-message"
          aria-live="polite"
          className="font-medium text-red-800 dark:text-red-300"
        >
          {state.message}
        </p>
        <SubmitButton pendingLabel="Checking the file…">Dry run</SubmitButton>
      </form>

      {p && (
        <section aria-labelledby="dry-run-heading" className="space-y-4">
          <h2 id="dry-run-heading" ref={result} tabIndex={-1} className="text-xl font-semibold">
            Dry run: nothing has been written
          </h2>
          <p role="status">
            {p.counts.add} {p.counts.add === 1 ? "row" : "rows"} to add
            {p.counts.newLeaders > 0
              ? ` (with ${p.counts.newLeaders} new ${p.counts.newLeaders === 1 ? "leader" : "leaders"})`
              : ""}
            , {p.counts.skip} skipped, {p.counts.refuse} refused. Read as{" "}
            {p.layout === "long" ? "Rollcall's long export" : "the simple format"}, {p.encoding},{" "}
            {p.separator === "\t" ? "tabs" : `“${p.separator}”`} between cells.
          </p>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">
                Each row of the file and what the import does with it
              </caption>
              <thead>
                <tr className="border-b border-slate-400">
                  <th scope="col" className="py-1 pr-3">
                    Row
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    Result
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    Leader
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    Step
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    Source
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    Quote
                  </th>
                  <th scope="col" className="py-1">
                    Why
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.rows.map((row) => (
                  <tr
                    key={row.row}
                    data-verdict={row.verdict}
                    className="border-b border-slate-200 align-top dark:border-slate-800"
                  >
                    <th scope="row" className="py-1 pr-3 font-normal tabular-nums">
                      {row.row}
                    </th>
                    <td className="py-1 pr-3 font-medium">{VERDICTS[row.verdict]}</td>
                    <td className="py-1 pr-3">
                      <LeaderCell row={row} />
                    </td>
                    <td className="py-1 pr-3">{claimText(row)}</td>
                    <td className="py-1 pr-3">
                      {row.source ? `${row.source.title} (#${row.source.id})` : "—"}
                    </td>
                    <td className="py-1 pr-3">
                      {QUOTE_CHECKS[row.quote.check]}
                      {row.quote.check === "reworded" && row.quote.stored && (
                        <span className="block text-xs">Cited as: “{row.quote.stored}”</span>
                      )}
                    </td>
                    <td className="py-1">
                      {[...row.reasons, ...row.warnings].length > 0 ? (
                        <ul className="list-disc pl-4">
                          {[...row.reasons, ...row.warnings].map((r) => (
                            <li key={r}>{r}</li>
                          ))}
                        </ul>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {p.counts.add > 0 ? (
            <form action={applyAction} className="space-y-2">
              <input type="hidden" name="token" value={p.token} />
              <p
                id="apply-message"
                aria-live="polite"
                className="font-medium text-red-800 dark:text-red-300"
              >
                {applied.message}
              </p>
              <SubmitButton pendingLabel="Applying…">
                Apply: add {p.counts.add} {p.counts.add === 1 ? "row" : "rows"}
              </SubmitButton>
            </form>
          ) : (
            <p>Nothing to add: correct the refused rows in the file and run the dry run again.</p>
          )}
        </section>
      )}
    </div>
  );
}
