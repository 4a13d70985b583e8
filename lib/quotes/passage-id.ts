/** The id of a cited passage's <mark> on the source page; citation links point at it. */
export const passageId = (span: { start: number; end: number }) =>
  `passage-${span.start}-${span.end}`;

/**
 * Where a citation's link goes: its highlighted passage on the page that shows it. A quote the
 * current text no longer has is not on the source's page: an orphan's passage is on the page
 * of the text it was cited in (`anchoredVersion`); a quote lost before texts had versions is on
 * no page, so the link names the source without a passage.
 */
export const citationHref = (citation: {
  start: number;
  end: number;
  source: { id: number };
  lost?: boolean;
  review?: string;
  anchoredVersion?: number;
  inVersion?: number;
}) => {
  // A past day's words, from an older text: that text's page, which highlights no passage.
  if (citation.inVersion !== undefined)
    return `/sources/${citation.source.id}/versions/${citation.inVersion}`;
  if (!citation.lost) return `/sources/${citation.source.id}#${passageId(citation)}`;
  if (citation.review === "orphaned" && citation.anchoredVersion !== undefined)
    return `/sources/${citation.source.id}/versions/${citation.anchoredVersion}#${passageId(citation)}`;
  return `/sources/${citation.source.id}`;
};
