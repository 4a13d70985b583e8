import { relocateQuote } from "./relocate";
import type { RelocationCounts } from "./relocation-summary";

/**
 * Where a citation stands with its source:
 * - "" (ok): its quote is the source's words at its offsets, as an editor cited or confirmed it;
 * - "check": re-found in a newer text with changed wording; an editor should confirm it;
 * - "orphaned": not found in a newer text; it stays where it was, in the version it was
 *   anchored in, until an editor cites the new text.
 */
export type CitationReview = "" | "check" | "orphaned";

export const CITATION_REVIEWS: readonly CitationReview[] = ["", "check", "orphaned"];

export function isCitationReview(value: unknown): value is CitationReview {
  return typeof value === "string" && (CITATION_REVIEWS as readonly string[]).includes(value);
}

/** A citation as stored: its selectors index into the text of `anchoredVersion`. */
export type StoredCitation = {
  id: number;
  quote: string;
  start: number;
  end: number;
  prefix: string;
  suffix: string;
  anchoredVersion: number;
  review: string;
};

/** What to write on a citation after its source got the text of `version`. */
export type CitationChange = {
  id: number;
  outcome: "exact" | "check" | "orphaned";
  data: {
    quote: string;
    start: number;
    end: number;
    prefix: string;
    suffix: string;
    anchoredVersion: number;
    checkedVersion: number;
    review: CitationReview;
    /** When it came to need review; undefined: unchanged (it needed the same review before). */
    reviewSince: Date | null | undefined;
  };
};

/**
 * Re-finds every citation of a source in its new text (version `version`), including those
 * orphaned by an earlier edit, whose passage may be back. Found exactly, a citation moves and
 * keeps its review (an unconfirmed "check" stays one; an orphan whose words are back is whole
 * again); found with changed wording, it takes the new words and is to be checked; not found,
 * it stays where it was and is orphaned. Pure: the caller writes the changes.
 */
export function planRelocations(
  text: string,
  version: number,
  citations: StoredCitation[],
  now: Date,
): { changes: CitationChange[]; counts: RelocationCounts } {
  const counts: RelocationCounts = { exact: 0, check: 0, orphaned: 0 };
  const changes = citations.map((c): CitationChange => {
    const result = relocateQuote(text, c);
    const since = (review: CitationReview) => (c.review === review ? undefined : now);
    if (result.kind === "orphaned") {
      counts.orphaned++;
      return {
        id: c.id,
        outcome: "orphaned",
        data: {
          quote: c.quote,
          start: c.start,
          end: c.end,
          prefix: c.prefix,
          suffix: c.suffix,
          anchoredVersion: c.anchoredVersion,
          checkedVersion: version,
          review: "orphaned",
          reviewSince: since("orphaned"),
        },
      };
    }
    counts[result.kind]++;
    const review: CitationReview =
      result.kind === "check" ? "check" : c.review === "check" ? "check" : "";
    return {
      id: c.id,
      outcome: result.kind,
      data: {
        ...result.anchor,
        anchoredVersion: version,
        checkedVersion: version,
        review,
        reviewSince: review === "" ? null : since(review),
      },
    };
  });
  return { changes, counts };
}
