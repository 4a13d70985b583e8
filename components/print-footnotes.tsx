import type { Footnote } from "@/lib/attendance/footnotes";
import type { CitationDTO } from "@/lib/data/dto";

export type PrintFootnotesProps = { footnotes: Footnote<CitationDTO>[] };

/**
 * The list's citations as footnotes, shown only in print, where the markers' links cannot be
 * followed: each quotation with its source and address, numbered as the printed markers are.
 * Its look is the `print-footnotes` classes in app/globals.css, and each run of words is one
 * string: React marks the seam between two text nodes in the HTML, on every footnote.
 */
export function PrintFootnotes({ footnotes }: PrintFootnotesProps) {
  if (footnotes.length === 0) return null;
  return (
    <section
      aria-labelledby="footnotes-heading"
      className="print-footnotes hidden space-y-2 print:block"
    >
      <h2 id="footnotes-heading" className="text-lg font-semibold">
        Citations
      </h2>
      <ol className="space-y-2 text-sm">
        {footnotes.map(({ number, citation, leaders }) => (
          <li key={number}>
            <span>{`[${number}]`}</span>
            <span>
              {`“${citation.quote}” — `}
              <cite>{citation.source.title}</cite>
              {`, ${citation.source.publisher}, `}
              <span>{citation.source.url}</span>
              {`. Cited for ${leaders.join(", ")}.`}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
