/** What footnote numbering needs of a citation. */
type CitationLike = {
  id: number;
  start: number;
  end: number;
  source: { id: number };
  /** An older text of the source, in a view of a past day: its offsets index into that. */
  inVersion?: number;
};

export type Footnote<C extends CitationLike> = {
  number: number;
  citation: C;
  /** The leaders whose entries cite this passage, in list order. */
  leaders: string[];
};

/**
 * Numbers the citations of a list for print: 1, 2, 3… in the order the list shows them, one
 * footnote per passage (the same span of the same source), so a passage six entries cite is one
 * footnote with six leaders. `numberOf` gives each citation id its footnote number.
 */
export function numberFootnotes<C extends CitationLike>(
  entries: readonly { leader: { name: string }; citations: readonly C[] }[],
): { footnotes: Footnote<C>[]; numberOf: ReadonlyMap<number, number> } {
  const footnotes: Footnote<C>[] = [];
  const byPassage = new Map<string, Footnote<C>>();
  const numberOf = new Map<number, number>();
  for (const entry of entries) {
    for (const citation of entry.citations) {
      const key = `${citation.source.id}:${citation.inVersion ?? ""}:${citation.start}:${citation.end}`;
      let footnote = byPassage.get(key);
      if (!footnote) {
        footnote = { number: footnotes.length + 1, citation, leaders: [] };
        footnotes.push(footnote);
        byPassage.set(key, footnote);
      }
      if (!footnote.leaders.includes(entry.leader.name)) footnote.leaders.push(entry.leader.name);
      numberOf.set(citation.id, footnote.number);
    }
  }
  return { footnotes, numberOf };
}
