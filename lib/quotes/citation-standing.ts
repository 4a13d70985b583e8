/**
 * Whether a reader can take a citation's quote as the source's words today: one rule for every
 * place a reader meets a citation (the list, the map, the entry page, the API and the CSV).
 *
 * - `wording-changed`: an edit of the source's text re-found the passage with other words; the
 *   quote shows the new words, and stays marked until an editor confirms them.
 * - `orphaned`: the passage is not in the source's current text (removed by an edit, or lost
 *   before texts had versions); the quote is kept for the record until an editor cites again.
 */
export type CitationStanding = "wording-changed" | "orphaned";

/** What the data layer stores: `review` is "", "check" or "orphaned". */
export type CitationStandingFields = { lost: boolean; review: string };

export function citationStanding(citation: CitationStandingFields): CitationStanding | null {
  if (citation.lost || citation.review === "orphaned") return "orphaned";
  if (citation.review === "check") return "wording-changed";
  return null;
}

/** The words a reader sees beside the citation. */
export const STANDING_LABELS: Record<CitationStanding, string> = {
  "wording-changed": "wording changed, under review",
  orphaned: "removed from the source, under review",
};

export const standingLabel = (citation: CitationStandingFields) => {
  const standing = citationStanding(citation);
  return standing ? STANDING_LABELS[standing] : "";
};

/** How many of an entry's citations are marked; for the map's titles. */
export const countUnderReview = (citations: readonly CitationStandingFields[]) =>
  citations.filter((c) => citationStanding(c) !== null).length;
