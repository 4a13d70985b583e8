/**
 * Relocating a stored citation: finding its quote again after its source text was edited.
 *
 * A citation is a TextQuoteSelector (`quote`, `prefix`, `suffix`) plus a
 * TextPositionSelector (`start`, `end`) into the text it was anchored in (see
 * ./anchor.ts). When the source gets a new text, {@link relocateQuote} tries, in order:
 *
 * 1. exact, at the stored position;
 * 2. exact, elsewhere; among several occurrences the stored prefix and suffix decide;
 * 3. normalised: curly and straight quotes, dashes, accents, case and runs of whitespace
 *    compare as equal (the normalisation of ./anchor.ts, whose offset map gives the
 *    exact range of the original text);
 * 4. approximate: bit-parallel approximate matching (Myers, via `approx-string-match`) on
 *    the normalised texts, each candidate scored on its quote, prefix, suffix and position
 *    the way Hypothesis's anchoring does; the best must reach a minimum score and lead the
 *    best candidate elsewhere by a margin.
 *
 * Steps 1-2 give `exact`. Steps 3-4 give `check`: the anchor carries the text's new
 * wording (`text.slice(start, end) === quote` holds for the new text) and an editor
 * should confirm it. Otherwise the citation is `orphaned`: the caller keeps it where it
 * was, in the version it was anchored in, and never moves it.
 *
 * Pure: no I/O, deterministic.
 */
import approxSearch from "approx-string-match";
import {
  anchorAt,
  commonPrefixLength,
  commonSuffixLength,
  findAll,
  isWordChar,
  normalize,
  relocateQuoteVerbatim,
  type NearestPassage,
  type Normalized,
  type TextAnchor,
} from "./anchor";

export type Relocation =
  | { kind: "exact"; step: "position" | "elsewhere"; anchor: TextAnchor }
  | {
      kind: "check";
      step: "normalised" | "approximate";
      anchor: TextAnchor;
      /** 1 for a normalised match; the weighted score (0-1) of an approximate one. */
      score: number;
    }
  | {
      kind: "orphaned";
      /**
       * - `empty`: the stored quote is blank.
       * - `not-found`: no candidate reaches the minimum score.
       * - `too-close`: two places of the text are about equally good.
       */
      reason: "empty" | "not-found" | "too-close";
      /** The best candidate that was turned down, to help an editor re-cite; or null. */
      nearest: (NearestPassage & { score: number }) | null;
    };

/**
 * Hypothesis's weights: the quote matters most, its context next, the position only
 * breaks ties between otherwise equal candidates.
 */
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const WEIGHT_TOTAL = WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position;

/**
 * Below this weighted score an approximate candidate is not taken. With the context
 * intact, a quote with a quarter of its characters changed still passes; a passage that
 * was deleted, whose prefix and suffix now meet, does not.
 */
export const MIN_SCORE = 0.7;

/** The matched text itself must keep at least this share of the quote's characters. */
export const MIN_QUOTE_SIMILARITY = 0.75;

/** The chosen candidate must beat the best one elsewhere by this much, or it is a guess. */
export const MIN_LEAD = 0.05;

/** Normalised quotes shorter than this are too short to be matched approximately. */
const MIN_APPROXIMATE_LENGTH = 12;

/** Rounds of "mask the candidates found, search again" that collect alternatives. */
const SEARCH_ROUNDS = 3;

/** How many of the best approximate finds get their edges chosen again. */
const REFINED = 4;

/** Matches no normalised character (a noncharacter, never produced by normalisation). */
const MASK = "\uFFFF";

/** Re-finds `stored` in `text`; see the module comment for the order of the steps. */
export function relocateQuote(text: string, stored: TextAnchor): Relocation {
  const q = stored.quote;
  if (q.trim().length === 0) return { kind: "orphaned", reason: "empty", nearest: null };

  // Steps 1-2: relocateQuoteVerbatim (./anchor.ts), only when the quote occurs verbatim.
  if (text.includes(q)) {
    const result = relocateQuoteVerbatim(text, stored);
    if (result.ok) {
      const step = result.anchor.start === stored.start ? "position" : "elsewhere";
      return { kind: "exact", step, anchor: result.anchor };
    }
  }

  const nq = normalize(q).text;
  if (nq.length === 0) return { kind: "orphaned", reason: "empty", nearest: null };
  const nt = normalizeText(text);
  const context = {
    prefix: normalize(stored.prefix).text,
    suffix: normalize(stored.suffix).text,
    // The old position, as an offset of the normalised text (close enough for a tie-break).
    hint: normalisedOffset(nt, Number.isFinite(stored.start) ? stored.start : 0),
  };

  // Step 3: normalised match.
  const occurrences = findAll(nt.text, nq);
  if (occurrences.length > 0) {
    const from = pickByContext(nt, occurrences, nq.length, context);
    return {
      kind: "check",
      step: "normalised",
      anchor: anchorAt(text, nt.starts[from]!, nt.ends[from + nq.length - 1]!),
      score: 1,
    };
  }

  // Step 4: approximate match.
  if (nq.length < MIN_APPROXIMATE_LENGTH)
    return { kind: "orphaned", reason: "not-found", nearest: null };
  const candidates = distinct(approximateCandidates(nt.text, nq, context));
  if (candidates.length === 0) return { kind: "orphaned", reason: "not-found", nearest: null };
  const best = candidates[0]!;
  const range = widen(nt.text, best.start, best.end, {
    start: startsAtWord(stored.prefix, q),
    end: endsAtWord(q, stored.suffix),
  });
  const start = nt.starts[range.from]!;
  const end = nt.ends[range.to - 1]!;
  const passage = { start, end, passage: text.slice(start, end), score: best.score };
  if (best.score < MIN_SCORE || best.quoteScore < MIN_QUOTE_SIMILARITY) {
    return { kind: "orphaned", reason: "not-found", nearest: passage };
  }
  const second = candidates[1];
  if (second !== undefined && best.score - second.score < MIN_LEAD) {
    return { kind: "orphaned", reason: "too-close", nearest: passage };
  }
  return {
    kind: "check",
    step: "approximate",
    anchor: anchorAt(text, start, end),
    score: best.score,
  };
}

type Context = { prefix: string; suffix: string; hint: number };

// A save re-finds every citation of one source in one text: normalise that text once.
let lastText: string | null = null;
let lastNormalized: Normalized | null = null;

function normalizeText(text: string): Normalized {
  if (text !== lastText || lastNormalized === null) {
    lastNormalized = normalize(text);
    lastText = text;
  }
  return lastNormalized;
}

/** The first offset of the normalised text that comes from at or after `offset`. */
function normalisedOffset(nt: Normalized, offset: number): number {
  let lo = 0;
  let hi = nt.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (nt.starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Best first; a candidate that mostly overlaps a better one is the same place found
 * twice (refining can bring a masked search's find back onto it), not a rival.
 */
function distinct(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.score - a.score || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    const same = kept.some(
      (k) => Math.min(k.end, c.end) - Math.max(k.start, c.start) > 0.5 * (c.end - c.start),
    );
    if (!same) kept.push(c);
  }
  return kept;
}

/**
 * Among normalised occurrences, the one whose neighbourhood best agrees with the stored
 * context (longest run of characters adjacent to the quote), then the one nearest the
 * old position, then the earliest.
 */
function pickByContext(
  nt: Normalized,
  occurrences: number[],
  length: number,
  context: Context,
): number {
  if (occurrences.length === 1) return occurrences[0]!;
  let chosen = occurrences[0]!;
  let chosenAgreement = -1;
  let chosenDistance = Infinity;
  for (const occ of occurrences) {
    const agreement =
      commonSuffixLength(textBefore(nt.text, occ, context.prefix.length), context.prefix) +
      commonPrefixLength(textAfter(nt.text, occ + length, context.suffix.length), context.suffix);
    const distance = Math.abs(occ - context.hint);
    if (
      agreement > chosenAgreement ||
      (agreement === chosenAgreement && distance < chosenDistance)
    ) {
      chosen = occ;
      chosenAgreement = agreement;
      chosenDistance = distance;
    }
  }
  return chosen;
}

/**
 * Up to `length` normalised characters before `at`, without the space that separates
 * them from the quote (a normalised prefix never ends with one).
 */
function textBefore(text: string, at: number, length: number): string {
  let to = at;
  if (to > 0 && text.charCodeAt(to - 1) === 32) to--;
  return text.slice(Math.max(0, to - length), to);
}

function textAfter(text: string, at: number, length: number): string {
  let from = at;
  if (from < text.length && text.charCodeAt(from) === 32) from++;
  return text.slice(from, from + length);
}

type Candidate = { start: number; end: number; errors: number; score: number; quoteScore: number };

/**
 * Distinct regions of `text` that approximately match `quote`, each with its best
 * scoring match. `approx-string-match` reports only the matches with the fewest errors,
 * so the regions found are masked and the search repeated, which brings in the
 * alternatives a better context could still prefer.
 */
function approximateCandidates(text: string, quote: string, context: Context): Candidate[] {
  // Hypothesis's bound: more errors than half the quote is not the same passage.
  const maxErrors = Math.min(256, Math.floor(quote.length / 2));
  const found: Candidate[] = [];
  let searched = text;
  for (let round = 0; round < SEARCH_ROUNDS; round++) {
    const matches = approxSearch(searched, quote, maxErrors);
    if (matches.length === 0) break;
    matches.sort((a, b) => a.start - b.start || a.end - b.end);
    let region: Candidate | null = null;
    let regionEnd = -1;
    const regions: { start: number; end: number }[] = [];
    for (const m of matches) {
      const quoteScore = 1 - m.errors / quote.length;
      const candidate = { start: m.start, end: m.end, errors: m.errors, quoteScore, score: 0 };
      candidate.score = scoreCandidate(text, candidate, context);
      if (region === null || m.start >= regionEnd) {
        if (region !== null) found.push(region);
        region = candidate;
        regions.push({ start: m.start, end: m.end });
      } else if (candidate.score > region.score) {
        region = candidate;
      }
      regionEnd = Math.max(regionEnd, m.end);
      regions[regions.length - 1]!.end = regionEnd;
    }
    if (region !== null) found.push(region);
    for (const r of regions) {
      searched = searched.slice(0, r.start) + MASK.repeat(r.end - r.start) + searched.slice(r.end);
    }
  }
  // Refining costs a quote's length squared; the weakest finds keep their first score.
  found.sort((a, b) => b.score - a.score);
  return found.map((c, i) => (i < REFINED ? refine(text, quote, c, context, maxErrors) : c));
}

/**
 * `approx-string-match` reports each match at its fewest errors, which is not always
 * where the passage is: when a quote's first words were deleted, the words before it,
 * matched letter by letter against what is gone, can cost fewer errors than the
 * deletion does; words inserted just before it cost as much inside as outside. So each
 * edge is chosen again, the start then the end, where the errors of the quote plus
 * those of the stored context beyond that edge are fewest. Context errors count at half
 * weight, so that words inserted at the very edge stay out of the quote.
 */
function refine(
  text: string,
  quote: string,
  c: Candidate,
  context: Context,
  maxErrors: number,
): Candidate {
  const m = quote.length;

  const lo = Math.max(0, c.end - m - maxErrors);
  const quoteErrors = edgeDistances(reverse(quote), reverse(text.slice(lo, c.end)), maxErrors);
  const prefixErrors = contextErrors(text, context.prefix, lo, c.end, "before");
  let start = c.start;
  let cost = Infinity;
  for (let j = Math.max(1, m - maxErrors); j < quoteErrors.length; j++) {
    const s = c.end - j;
    const total = quoteErrors[j]! + CONTEXT_ERROR_WEIGHT * prefixErrors(s);
    if (total < cost || (total === cost && s > start)) [start, cost] = [s, total];
  }

  const hi = Math.min(text.length, start + m + maxErrors);
  const forward = edgeDistances(quote, text.slice(start, hi), maxErrors);
  const suffixErrors = contextErrors(text, context.suffix, start, hi, "after");
  let end = c.end;
  let errors = c.errors;
  cost = Infinity;
  for (let j = Math.max(1, m - maxErrors); j < forward.length; j++) {
    const e = start + j;
    const total = forward[j]! + CONTEXT_ERROR_WEIGHT * suffixErrors(e);
    if (total < cost || (total === cost && e < end)) [end, errors, cost] = [e, forward[j]!, total];
  }

  const trimmed = trimEdges(text, quote, start, end, errors);
  if (trimmed.start !== start || trimmed.end !== end) {
    [start, end] = [trimmed.start, trimmed.end];
    errors = edgeDistances(quote, text.slice(start, end), Math.abs(end - start - m) + maxErrors)[
      end - start
    ]!;
  }
  const refined = { start, end, errors, quoteScore: Math.max(0, 1 - errors / m), score: 0 };
  refined.score = scoreCandidate(text, refined, context);
  return refined;
}

/** Characters in a row that tie an edge of a match to the quote. */
const EDGE_RUN = 4;

/**
 * When the context was edited too, nothing holds an edge in place, and words matched
 * letter by letter against the quote's deleted edge can stay in. An edge of the match is
 * moved in, by at most `errors` characters, to the first run of {@link EDGE_RUN}
 * characters that the quote has near that end.
 */
function trimEdges(
  text: string,
  quote: string,
  start: number,
  end: number,
  errors: number,
): { start: number; end: number } {
  if (end - start < 3 * EDGE_RUN) return { start, end };
  let from = start;
  for (let d = 0; d <= 2 * errors && start + d + EDGE_RUN <= end; d++) {
    const at = quote.indexOf(text.slice(start + d, start + d + EDGE_RUN));
    if (at !== -1 && at <= d + errors) {
      from = start + d;
      break;
    }
  }
  let to = end;
  for (let d = 0; d <= 2 * errors && end - d - EDGE_RUN >= from; d++) {
    const at = quote.lastIndexOf(text.slice(end - d - EDGE_RUN, end - d));
    if (at !== -1 && quote.length - (at + EDGE_RUN) <= d + errors) {
      to = end - d;
      break;
    }
  }
  return to - from >= EDGE_RUN ? { start: from, end: to } : { start, end };
}

/** How much an error of the stored context weighs against one of the quote, at an edge. */
const CONTEXT_ERROR_WEIGHT = 1;

/**
 * For an edge at `at` (in `[from, to]`), the fewest errors of the stored context placed
 * right before it ("before") or right after it ("after"), one space at the edge free.
 * One pass of Sellers's dynamic programme over the window gives every edge at once.
 */
function contextErrors(
  text: string,
  context: string,
  from: number,
  to: number,
  side: "before" | "after",
): (at: number) => number {
  if (context.length === 0) return () => 0;
  const n = context.length;
  if (side === "before") {
    const lo = Math.max(0, from - n - 1);
    const row = sellers(context, text.slice(lo, to));
    // row[j]: the context ends right before text[lo + j].
    return (at) => {
      const j = at - lo;
      const direct = row[j] ?? n;
      return at > 0 && text.charCodeAt(at - 1) === 32 ? Math.min(direct, row[j - 1] ?? n) : direct;
    };
  }
  const hi = Math.min(text.length, to + n + 1);
  const window = text.slice(from, hi);
  const row = sellers(reverse(context), reverse(window));
  // row[k]: the context starts right at window[window.length - k].
  return (at) => {
    const k = hi - at;
    const direct = row[k] ?? n;
    return at < text.length && text.charCodeAt(at) === 32
      ? Math.min(direct, row[k - 1] ?? n)
      : direct;
  };
}

/**
 * `d[j]` is the edit distance between all of `pattern` and the first `j` characters of
 * `text`, for `|j - pattern.length| <= band` (larger elsewhere): the classic dynamic
 * programme, one row per pattern character, kept to the band of diagonals an alignment
 * with at most `band` errors can use.
 */
function edgeDistances(pattern: string, text: string, band: number): Int32Array {
  const w = text.length;
  const far = 1 << 29;
  let prev = new Int32Array(w + 1).fill(far);
  let cur = new Int32Array(w + 1).fill(far);
  for (let j = 0; j <= Math.min(w, band); j++) prev[j] = j;
  for (let i = 1; i <= pattern.length; i++) {
    const p = pattern.charCodeAt(i - 1);
    const lo = Math.max(1, i - band);
    const hi = Math.min(w, i + band);
    cur[lo - 1] = lo === 1 ? i : far;
    for (let j = lo; j <= hi; j++) {
      const diagonal = prev[j - 1]! + (text.charCodeAt(j - 1) === p ? 0 : 1);
      cur[j] = Math.min(diagonal, prev[j]! + 1, cur[j - 1]! + 1);
    }
    if (hi < w) cur[hi + 1] = far;
    [prev, cur] = [cur, prev];
  }
  return prev;
}

/** `d[j]`: fewest errors of `pattern` matched anywhere in `text` ending right before `j`. */
function sellers(pattern: string, text: string): Int32Array {
  const w = text.length;
  let prev = new Int32Array(w + 1);
  let cur = new Int32Array(w + 1);
  for (let i = 1; i <= pattern.length; i++) {
    const p = pattern.charCodeAt(i - 1);
    cur[0] = i;
    for (let j = 1; j <= w; j++) {
      const diagonal = prev[j - 1]! + (text.charCodeAt(j - 1) === p ? 0 : 1);
      cur[j] = Math.min(diagonal, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev;
}

function reverse(s: string): string {
  return s.split("").reverse().join("");
}

function scoreCandidate(
  text: string,
  c: { start: number; end: number; quoteScore: number },
  context: Context,
): number {
  const prefixScore =
    context.prefix.length > 0
      ? similarity(textBefore(text, c.start, context.prefix.length), context.prefix)
      : 1;
  const suffixScore =
    context.suffix.length > 0
      ? similarity(textAfter(text, c.end, context.suffix.length), context.suffix)
      : 1;
  const positionScore =
    text.length > 0 ? 1 - Math.min(1, Math.abs(c.start - context.hint) / text.length) : 1;
  return (
    (WEIGHT.quote * c.quoteScore +
      WEIGHT.prefix * prefixScore +
      WEIGHT.suffix * suffixScore +
      WEIGHT.position * positionScore) /
    WEIGHT_TOTAL
  );
}

/** 1 - (fewest errors of `pattern` anywhere in `text`) / its length; 0 when either is empty. */
function similarity(text: string, pattern: string): number {
  if (text.length === 0 || pattern.length === 0) return 0;
  if (text.includes(pattern)) return 1;
  const matches = approxSearch(text, pattern, pattern.length);
  return matches.length === 0 ? 0 : 1 - matches[0]!.errors / pattern.length;
}

/** Whether the quote began at a word's start in the text it was anchored in. */
function startsAtWord(prefix: string, quote: string): boolean {
  return prefix.length === 0 || !isWordChar(prefix, prefix.length - 1) || !isWordChar(quote, 0);
}

function endsAtWord(quote: string, suffix: string): boolean {
  return suffix.length === 0 || !isWordChar(suffix, 0) || !isWordChar(quote, quote.length - 1);
}

/**
 * An approximate match can stop inside a word whose ending was edited; a quote that
 * covered whole words then takes the whole of the new word. Spaces at the edges go.
 */
function widen(
  text: string,
  from: number,
  to: number,
  whole: { start: boolean; end: boolean },
): { from: number; to: number } {
  if (whole.start) while (from > 0 && isWordChar(text, from - 1) && isWordChar(text, from)) from--;
  if (whole.end) while (to < text.length && isWordChar(text, to - 1) && isWordChar(text, to)) to++;
  while (from < to - 1 && text.charCodeAt(from) === 32) from++;
  while (to > from + 1 && text.charCodeAt(to - 1) === 32) to--;
  return { from, to };
}
