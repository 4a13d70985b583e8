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

/** The id in a chosen name ("… (#5)") or a bare id ("5"); null for anything else. */
export function sourceIdOfChoice(value: string): number | null {
  const match = /^\s*(\d{1,9})\s*$/.exec(value) ?? /\(#(\d{1,9})\)\s*$/.exec(value);
  if (!match) return null;
  const id = Number(match[1]);
  return id > 0 ? id : null;
}

const fold = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * The sources whose title, publisher or address contain every word of the query (accents and
 * case aside), in the order given; all of them for an empty query.
 */
export function filterSourceChoices<S extends SourceChoice>(
  sources: readonly S[],
  query: string,
): S[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...sources];
  return sources.filter((s) => {
    const haystack = fold(`${s.title} ${s.publisher} ${s.url}`);
    return words.every((w) => haystack.includes(w));
  });
}
