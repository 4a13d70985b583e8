/**
 * Sentence steps through a source's text, for selecting a quote by keyboard in the passage
 * picker: offsets into the text, as the picker's selection uses. Sentences are Unicode's
 * (Intl.Segmenter), with the white space around each left out.
 */

export type Span = { start: number; end: number };

function sentences(text: string): Span[] {
  const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
  const out: Span[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    let start = index;
    let end = index + segment.length;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** The sentence at `offset` (or the next one, when it falls between two); null in none. */
export function sentenceAt(text: string, offset: number): Span | null {
  const all = sentences(text);
  return all.find((s) => offset < s.end) ?? all.at(-1) ?? null;
}

/** Where the sentence after `offset` ends: a selection's end moved one sentence on. */
export function nextSentenceEnd(text: string, offset: number): number {
  return sentences(text).find((s) => s.end > offset)?.end ?? offset;
}

/** Where the sentence before `offset` starts: a selection's end moved one sentence back. */
export function previousSentenceStart(text: string, offset: number): number {
  return sentences(text).findLast((s) => s.start < offset)?.start ?? offset;
}
