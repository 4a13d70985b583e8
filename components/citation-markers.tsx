import type { CitationDTO } from "@/lib/data/dto";
import { citationHref } from "@/lib/quotes/passage-id";
import { standingLabel } from "@/lib/quotes/citation-standing";

export type CitationMarkersProps = {
  citations: CitationDTO[];
  leaderName: string;
  /** Footnote number of each citation id, printed instead of [1] [2] (see globals.css). */
  footnotes?: ReadonlyMap<number, number>;
};

/**
 * [1] [2] links to each cited passage, highlighted on the stored source page. The link names
 * the source; the quote itself is on that page, on the entry's page and in the printed
 * footnotes (a `title` tooltip reaches neither keyboards nor touch screens). A citation under
 * review says so in words beside its number, and its link goes where its passage is shown.
 * Its look is the attendee table's (app/globals.css), where it is on every row: a class of its
 * own would be repeated in each.
 */
export function CitationMarkers({ citations, leaderName, footnotes }: CitationMarkersProps) {
  return (
    <ul aria-label={`Citations for ${leaderName}`}>
      {citations.map((citation, index) => {
        const review = standingLabel(citation);
        return (
          <li key={citation.id}>
            {/* A full navigation, not a client-side one, so the passage becomes the :target. */}
            <a
              href={citationHref(citation)}
              aria-label={`Citation ${index + 1} for ${leaderName}: ${citation.source.title}${review ? ` (${review})` : ""}`}
              data-footnote={footnotes?.get(citation.id)}
            >
              {`[${index + 1}]`}
            </a>
            {review && (
              <span className="citation-review" aria-hidden="true">
                {review}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
