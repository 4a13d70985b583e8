import "server-only";
import { anchorQuote, describeAnchorError } from "@/lib/quotes/anchor";
import type { FieldErrors } from "@/lib/validation/errors";
import type { AnchoredCitation } from "./story";
import type { Tx } from "./write";

/**
 * Anchors every quote in its source. Returns the anchors, or field errors keyed
 * `citations.<i>.quote` / `citations.<i>.sourceId` that say what to fix.
 */
export async function anchorCitations(
  tx: Tx,
  citations: { sourceId: number; quote: string }[],
): Promise<{ anchors: AnchoredCitation[] } | { errors: FieldErrors }> {
  const ids = [...new Set(citations.map((c) => c.sourceId))];
  const sources = await tx.source.findMany({
    where: { id: { in: ids } },
    select: { id: true, text: true },
  });
  const textById = new Map(sources.map((s) => [s.id, s.text]));
  const errors: FieldErrors = {};
  const anchors: AnchoredCitation[] = [];
  citations.forEach((citation, i) => {
    const text = textById.get(citation.sourceId);
    if (text === undefined) {
      errors[`citations.${i}.sourceId`] = ["That source no longer exists; choose another."];
      return;
    }
    const result = anchorQuote(text, citation.quote);
    if (result.ok) anchors.push({ ...result.anchor, sourceId: citation.sourceId });
    else errors[`citations.${i}.quote`] = [describeAnchorError(result.error)];
  });
  return Object.keys(errors).length > 0 ? { errors } : { anchors };
}

export const QUOTE_NOT_FOUND = "A quote could not be found in its source; see below.";
