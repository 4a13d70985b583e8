import type { TextAnchor } from "./anchor";
import { relocateQuote } from "./relocate";

/**
 * History in the words of its day: which version of a source's text stood on a day, and a
 * citation's words in it.
 *
 * A version stands from the day the publisher changed the text to it (`changedOn`, as an editor
 * gave it), or else from the day it was saved here. Version 1 stands from the start: it is the
 * text as first published, whenever it was added. Pure.
 */
export type VersionDates = { number: number; changedOn: string | null; savedOn: string };

/** The number of the version that stood at the end of `day` (YYYY-MM-DD). */
export function versionOnDay(versions: readonly VersionDates[], day: string): number {
  let found = 1;
  for (const v of versions) {
    const from = v.changedOn ?? v.savedOn.slice(0, 10);
    if ((v.number === 1 || from <= day) && v.number > found) found = v.number;
  }
  return found;
}

/**
 * The citation's passage in another version's text: found exactly or with changed wording
 * (as an edit of the text re-finds it, lib/quotes/relocate.ts), or null when that text does
 * not have it.
 */
export function passageInText(text: string, citation: TextAnchor): TextAnchor | null {
  const found = relocateQuote(text, citation);
  return found.kind === "orphaned" ? null : found.anchor;
}
