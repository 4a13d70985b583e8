/** How many citations of a source each outcome of relocation had, after an edit of its text. */
export type RelocationCounts = { exact: number; check: number; orphaned: number };

/**
 * What a save of a new text did to the source's citations, for the editor who saved it:
 * "5 citations re-found exactly, 1 re-found with changed wording (check it), 1 orphaned".
 * Outcomes that did not happen are left out.
 */
export function describeRelocations(counts: RelocationCounts): string {
  const parts = [
    counts.exact > 0 ? `${counts.exact} re-found exactly` : null,
    counts.check > 0
      ? `${counts.check} re-found with changed wording (check ${counts.check === 1 ? "it" : "them"})`
      : null,
    counts.orphaned > 0 ? `${counts.orphaned} orphaned` : null,
  ].filter((p) => p !== null);
  if (parts.length === 0) return "no citation quotes this source";
  const first = counts.exact || counts.check || counts.orphaned;
  const noun = first === 1 ? "citation" : "citations";
  parts[0] = parts[0]!.replace(/^(\d+) /, `$1 ${noun} `);
  return parts.join(", ");
}
