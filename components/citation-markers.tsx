import type { CitationDTO } from "@/lib/data/dto";
import { citationHref } from "@/lib/quotes/passage-id";

export type CitationMarkersProps = {
  citations: CitationDTO[];
  leaderName: string;
  /** Footnote number of each citation id, printed instead of [1] [2] (see globals.css). */
  footnotes?: ReadonlyMap<number, number>;
};

/** [1] [2] links to each cited passage, highlighted on the stored source page. */
export function CitationMarkers({ citations, leaderName, footnotes }: CitationMarkersProps) {
  return (
    <ul className="inline-flex flex-wrap gap-1" aria-label={`Citations for ${leaderName}`}>
      {citations.map((citation, index) => (
        <li key={citation.id}>
          {/* A full navigation, not a client-side one, so the passage becomes the :target. */}
          <a
            href={citationHref(citation)}
            className="rounded px-0.5 text-blue-800 hover:bg-blue-50 dark:text-blue-300 dark:hover:bg-slate-800"
            title={`“${citation.quote}” (${citation.source.publisher})`}
            aria-label={`Citation ${index + 1} for ${leaderName}: ${citation.source.title}`}
            data-footnote={footnotes?.get(citation.id)}
          >
            [{index + 1}]
          </a>
        </li>
      ))}
    </ul>
  );
}
