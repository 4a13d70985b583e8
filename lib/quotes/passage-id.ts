/** The id of a cited passage's <mark> on the source page; citation links point at it. */
export const passageId = (span: { start: number; end: number }) =>
  `passage-${span.start}-${span.end}`;

export const citationHref = (citation: { start: number; end: number; source: { id: number } }) =>
  `/sources/${citation.source.id}#${passageId(citation)}`;
