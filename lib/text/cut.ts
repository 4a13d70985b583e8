/**
 * Cutting text without breaking a character. A string's `length` and `slice` count UTF-16
 * units, and an emoji (or any character beyond U+FFFF) is two of them: a cut between the two
 * leaves a lone surrogate, which the page shows as "�" and the database cannot store as it is.
 * The forms' limits count characters as a person does, one a code point (zod counts them so,
 * see lib/validation/fields.ts); these helpers count the same way.
 */

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** How many characters (code points) `text` has: "😀" is one, as the forms count it. */
export function characterCount(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
      count--;
      i++;
    }
  }
  return count;
}

/**
 * The beginning of `text`, at most `max` characters (code points) long, ending at the end of a
 * grapheme cluster: an emoji with its skin tone, a flag, a family joined by ZWJ, a letter with
 * its accents are kept whole or left out whole. `text` itself when it fits.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max || characterCount(text) <= max) return text;
  let kept = 0;
  let end = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    kept += characterCount(segment);
    if (kept > max) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/** `text` cut to `max` characters as cutText does, with "…" when anything was left out. */
export function abbreviateText(text: string, max: number): string {
  const cut = cutText(text, max);
  return cut === text ? text : `${cut}…`;
}

/**
 * `text.slice(from, to)` for offsets counted in UTF-16 units (a window around a quote, say),
 * narrowed by one unit at an end that falls between the two halves of a character, so the
 * slice never holds half of one.
 */
export function sliceWhole(text: string, from: number, to = text.length): string {
  let start = Math.max(0, Math.min(from, text.length));
  let end = Math.max(start, Math.min(to, text.length));
  if (start > 0 && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) start++;
  if (end < text.length && isHigh(text.charCodeAt(end - 1)) && isLow(text.charCodeAt(end))) end--;
  return text.slice(start, Math.max(start, end));
}
