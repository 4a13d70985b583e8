/**
 * The source picker's words (components/admin/source-picker.tsx): how a source is named in the
 * list, how a typed or chosen name gives back its id, and which sources a search matches.
 * Without JavaScript the picker is a text field with a <datalist>, so the form sends the name;
 * with it, a hidden field sends the id. The schema takes either (lib/validation/attendance.ts).
 */
export type SourceChoice = { id: number; title: string; publisher: string; url: string };

/** "Maduro to attend — bne IntelliNews (#5)": the name a chosen source is sent as. */
export const sourceChoiceLabel = (s: Pick<SourceChoice, "id" | "title" | "publisher">) =>
  `${s.title} — ${s.publisher} (#${s.id})`;

/** The id in a chosen name ("… (#5)") or a bare id ("5", written exactly); null otherwise. */
export function sourceIdOfChoice(value: string): number | null {
  const match = /^([1-9]\d{0,8})$/.exec(value) ?? /\(#([1-9]\d{0,8})\)\s*$/.exec(value);
  return match ? Number(match[1]) : null;
}

/**
 * What the form's source field holds, for the schema's id check: the id of a chosen name; ""
 * (no choice) for words that name no source; anything else as it came, to be judged as an id.
 */
export function sourceFieldValue(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const id = sourceIdOfChoice(value.trim());
  if (id !== null && /\(#\d+\)\s*$/.test(value)) return String(id);
  return /\p{L}/u.test(value) ? "" : value;
}

const fold = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * The sources whose title, publisher or address contain every word of the query (accents and
 * case aside); all of them for an empty query. A source whose title is the query comes first,
 * then those whose title starts with it, each group in the order given: an editor who types a
 * title in full and presses Enter gets that source, not one that has its words scattered over
 * its publisher and address.
 */
export function filterSourceChoices<S extends SourceChoice>(
  sources: readonly S[],
  query: string,
): S[] {
  const folded = fold(query).trim().replace(/\s+/g, " ");
  const words = folded.split(" ").filter(Boolean);
  if (words.length === 0) return [...sources];
  const rank = (s: S) => {
    const title = fold(s.title).trim().replace(/\s+/g, " ");
    return title === folded ? 0 : title.startsWith(folded) ? 1 : 2;
  };
  return sources
    .filter((s) => {
      const haystack = fold(`${s.title} ${s.publisher} ${s.url}`);
      return words.every((w) => haystack.includes(w));
    })
    .map((s, i) => ({ s, i, rank: rank(s) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map(({ s }) => s);
}
