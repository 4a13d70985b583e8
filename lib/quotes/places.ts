import { sliceWhole } from "@/lib/text/cut";
import type { PassageRef } from "@/lib/validation/errors";

/** How many places of an ambiguous quote the form lists; more is noise, not a choice. */
export const MAX_PLACES = 12;

/** About how many characters of context each side of a place, widened to whole words. */
const CONTEXT = 48;

const WORD = /[\p{L}\p{N}'’-]/u;

/**
 * Each place `[start, start + length)` of `text` with the words around it, for choosing one:
 * `before` ends where the place starts and `after` begins where it ends (both cut at a word
 * boundary, whitespace runs shown as one space, "…" where the text goes on). At most {@link MAX_PLACES}, in text order.
 */
export function placesInContext(
  text: string,
  starts: readonly number[],
  length: number,
): (PassageRef & { before: string; after: string })[] {
  return starts.slice(0, MAX_PLACES).map((start) => {
    const end = start + length;
    let from = Math.max(0, start - CONTEXT);
    while (from > 0 && WORD.test(text[from - 1]!) && WORD.test(text[from]!)) from--;
    let to = Math.min(text.length, end + CONTEXT);
    while (to < text.length && WORD.test(text[to - 1]!) && WORD.test(text[to]!)) to++;
    const flat = (s: string) => s.replace(/\s+/g, " ");
    return {
      start,
      end,
      passage: text.slice(start, end),
      before: (from > 0 ? "…" : "") + flat(sliceWhole(text, from, start)),
      after: flat(sliceWhole(text, end, to)) + (to < text.length ? "…" : ""),
    };
  });
}
