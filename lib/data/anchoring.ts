import "server-only";
import { anchorQuote, describeAnchorError, type AnchorError } from "@/lib/quotes/anchor";
import { placesInContext } from "@/lib/quotes/places";
import { countOf } from "@/lib/text/plural";
import type { FieldErrors, FieldHelp } from "@/lib/validation/errors";
import type { AnchoredCitation } from "./story";
import type { Tx } from "./write";

export const QUOTE_NOT_FOUND = "A quote could not be found in its source; see below.";
export const QUOTE_AMBIGUOUS =
  "A quote appears in several places of its source; choose the one you mean below.";
export const QUOTES_TO_FIX = "Some quotes do not match their source; see below.";

/** The help the form offers for a quote that did not anchor, if any. */
function helpFor(text: string, error: AnchorError, length: number): FieldHelp | null {
  if (error.kind === "not-found" && error.nearest) return { kind: "nearest", ...error.nearest };
  if (error.kind === "ambiguous")
    return { kind: "ambiguous", places: placesInContext(text, error.occurrences, length) };
  return null;
}

/**
 * Anchors every quote in its source; a citation's `start` (where the editor selected it, or
 * the place they chose) settles a quote found several times. Returns the anchors, or field
 * errors keyed `citations.<i>.quote` / `citations.<i>.sourceId` that say what to fix, with
 * `help` for the form (the closest passage, or every place) and the form's `message`.
 */
export async function anchorCitations(
  tx: Tx,
  citations: { sourceId: number; quote: string; start?: number }[],
): Promise<
  | { anchors: AnchoredCitation[] }
  | { errors: FieldErrors; help: Record<string, FieldHelp>; message: string }
> {
  const ids = [...new Set(citations.map((c) => c.sourceId))];
  const sources = await tx.source.findMany({
    where: { id: { in: ids } },
    select: { id: true, text: true },
  });
  const textById = new Map(sources.map((s) => [s.id, s.text]));
  const errors: FieldErrors = {};
  const help: Record<string, FieldHelp> = {};
  const kinds = new Set<AnchorError["kind"]>();
  const anchors: AnchoredCitation[] = [];
  citations.forEach((citation, i) => {
    const text = textById.get(citation.sourceId);
    if (text === undefined) {
      errors[`citations.${i}.sourceId`] = ["That source no longer exists; choose another."];
      return;
    }
    const hint = citation.start === undefined ? undefined : { start: citation.start };
    const result = anchorQuote(text, citation.quote, hint);
    if (result.ok) {
      anchors.push({ ...result.anchor, sourceId: citation.sourceId });
      return;
    }
    const key = `citations.${i}.quote`;
    kinds.add(result.error.kind);
    const offered = helpFor(text, result.error, citation.quote.trim().length);
    if (offered) help[key] = offered;
    errors[key] = [
      offered?.kind === "ambiguous"
        ? `This quote appears ${countOf(result.error.kind === "ambiguous" ? result.error.occurrences.length : 0, "time")} in the source: choose the place you mean below, or include more of the surrounding words.`
        : describeAnchorError(result.error),
    ];
  });
  if (Object.keys(errors).length === 0) return { anchors };
  const message = kinds.has("ambiguous")
    ? kinds.size === 1
      ? QUOTE_AMBIGUOUS
      : QUOTES_TO_FIX
    : kinds.has("not-found")
      ? QUOTE_NOT_FOUND
      : "Some fields need attention; see below.";
  return { errors, help, message };
}
