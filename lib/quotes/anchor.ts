/**
 * Anchoring quotes (citations) in a source text.
 *
 * Rollcall stores every citation as a W3C Web Annotation TextQuoteSelector
 * (`quote`, `prefix`, `suffix`) plus a TextPositionSelector (`start`, `end`).
 * Offsets are JavaScript string indices (UTF-16 code units) into the source
 * text, `end` exclusive, and every anchor produced by this module satisfies
 *
 *     text.slice(anchor.start, anchor.end) === anchor.quote
 *
 * This module is pure: no I/O, no dependencies, deterministic results.
 */

import { cutText, sliceWhole } from "../text/cut";
import { countOf } from "../text/plural";

/** Maximum length (in UTF-16 code units) of the stored `prefix` and `suffix`. */
export const CONTEXT_LENGTH = 32;

/**
 * A quote anchored in a source text.
 *
 * - `quote`: the exact quoted text; `text.slice(start, end) === quote`.
 * - `start` / `end`: UTF-16 offsets into the source text, `end` exclusive.
 * - `prefix`: up to {@link CONTEXT_LENGTH} code units immediately before `start`
 *   (shorter near the start of the text; never begins with half a surrogate pair).
 * - `suffix`: up to {@link CONTEXT_LENGTH} code units immediately after `end`
 *   (shorter near the end of the text; never ends with half a surrogate pair).
 */
export type TextAnchor = {
  quote: string;
  start: number;
  end: number;
  prefix: string;
  suffix: string;
};

/**
 * Picks one of several exact occurrences of a quote. Only consulted when the quote
 * occurs more than once; a quote that occurs exactly once is anchored regardless.
 *
 * - `prefix`: text that must immediately precede the occurrence.
 * - `suffix`: text that must immediately follow the occurrence.
 *   Whitespace where the quote meets its context is not significant
 *   (`"Sergey"` and `"Sergey "` both match before `"Lavrov"` in `"Sergey Lavrov"`).
 * - `start`: an approximate offset; among the occurrences that satisfy
 *   `prefix`/`suffix`, the one whose start is nearest to it is chosen.
 *
 * If the hint still leaves several equally good occurrences the result is `ambiguous`.
 */
export type AnchorHint = { prefix?: string; suffix?: string; start?: number };

/**
 * A passage of the source close to a quote that was not found.
 * Invariant: `text.slice(start, end) === passage` (original, un-normalised text).
 */
export type NearestPassage = { start: number; end: number; passage: string };

/**
 * Why a quote could not be anchored.
 *
 * - `empty`: the quote is empty or only whitespace.
 * - `not-found`: the quote does not occur verbatim; `nearest` is the closest passage
 *   of the source (see {@link anchorQuote}) or `null` when nothing is similar.
 * - `ambiguous`: the quote occurs several times; `occurrences` holds the start offset
 *   of every occurrence in the text, in ascending order (occurrences may overlap).
 *
 * `message` is the editor-facing sentence produced by {@link describeAnchorError}.
 */
export type AnchorError =
  | { kind: "empty"; message: string }
  | { kind: "not-found"; message: string; nearest: NearestPassage | null }
  | { kind: "ambiguous"; message: string; occurrences: number[] };

/** Either an anchor that satisfies the slice invariant, or the reason there is none. */
export type AnchorResult = { ok: true; anchor: TextAnchor } | { ok: false; error: AnchorError };

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/**
 * Anchors `quote` in `text`.
 *
 * Contract:
 * - Leading and trailing whitespace of `quote` is trimmed (`String.prototype.trim`);
 *   the anchored `quote` is the trimmed string. A quote that is empty after
 *   trimming gives an `empty` error.
 * - The trimmed quote is matched EXACTLY (case, apostrophes, accents and whitespace
 *   all count), because the stored quote must be a verbatim substring of `text`.
 * - Exactly one occurrence: `ok`, with `prefix`/`suffix` taken from `text`.
 * - Several occurrences: resolved with `hint` (see {@link AnchorHint}); otherwise,
 *   or if the hint does not single one out, an `ambiguous` error listing all of them.
 * - No occurrence: a `not-found` error whose `nearest` is
 *   1. the first passage (or the one nearest `hint.start`) that matches after
 *      normalisation — case-insensitive, curly ↔ straight quotes and apostrophes,
 *      all dashes as `-`, whitespace runs collapsed, accents stripped, NFKD
 *      compatibility forms, zero-width characters and soft hyphens ignored; else
 *   2. the best fuzzy match: the window of the normalised text with the highest
 *      character-trigram (Dice) similarity to the quote, refined and widened to
 *      whole words, if its similarity is at least 0.5 (`FUZZY_THRESHOLD`) and the
 *      normalised quote has at least 4 characters; else
 *   3. `null`.
 *   `nearest` always satisfies `text.slice(nearest.start, nearest.end) === nearest.passage`.
 *
 * Runs in time linear in `text.length` (plus the quote length), so it is suitable for
 * sources of a few hundred kilobytes.
 */
export function anchorQuote(text: string, quote: string, hint?: AnchorHint): AnchorResult {
  const q = quote.trim();
  if (q.length === 0) return fail({ kind: "empty" });

  const occurrences = findAll(text, q);
  if (occurrences.length === 0) {
    return fail({ kind: "not-found", nearest: findNearest(text, q, hint?.start) });
  }
  if (occurrences.length === 1) return ok(text, occurrences[0]!, q.length);

  const chosen = hint ? pickWithHint(text, q, occurrences, hint) : null;
  if (chosen === null) return fail({ kind: "ambiguous", occurrences });
  return ok(text, chosen, q.length);
}

/**
 * Relocates a stored citation in a (possibly edited) `text` where its quote occurs verbatim,
 * and nowhere else: the first steps of `relocateQuote` (./relocate.ts), which goes on to
 * normalised and approximate matches; alone where only the very words will do (a revert).
 *
 * Contract, in order:
 * 1. `selector.quote` empty (or only whitespace) → `empty` error.
 * 2. `text.slice(selector.start, selector.end) === selector.quote` → keep the position,
 *    refreshing `prefix`/`suffix` from `text`.
 * 3. The quote occurs exactly once → that occurrence.
 * 4. The quote occurs several times → the occurrence whose surrounding text best
 *    agrees with the stored `prefix`/`suffix` (longest common run of characters
 *    adjacent to the quote); ties go to the occurrence nearest the old `start`, and
 *    an exact tie in distance to the earlier occurrence. Never ambiguous.
 * 5. No occurrence → `not-found`, with `nearest` as in {@link anchorQuote} (preferring
 *    passages near the old position).
 *
 * The quote is matched verbatim (it is not trimmed). Every `ok` result satisfies
 * `text.slice(anchor.start, anchor.end) === anchor.quote` for the NEW text.
 */
export function relocateQuoteVerbatim(text: string, selector: TextAnchor): AnchorResult {
  const q = selector.quote;
  if (q.trim().length === 0) return fail({ kind: "empty" });

  const { start, end } = selector;
  if (
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    end <= text.length &&
    end - start === q.length &&
    text.slice(start, end) === q
  ) {
    return ok(text, start, q.length);
  }

  const occurrences = findAll(text, q);
  if (occurrences.length === 0) {
    const near = Number.isFinite(start) ? start : undefined;
    return fail({ kind: "not-found", nearest: findNearest(text, q, near) });
  }
  if (occurrences.length === 1) return ok(text, occurrences[0]!, q.length);

  // Best agreement with the stored context.
  let best: number[] = [];
  let bestScore = -1;
  for (const occ of occurrences) {
    const score =
      commonSuffixLength(
        text.slice(Math.max(0, occ - selector.prefix.length), occ),
        selector.prefix,
      ) +
      commonPrefixLength(
        text.slice(occ + q.length, occ + q.length + selector.suffix.length),
        selector.suffix,
      );
    if (score > bestScore) {
      bestScore = score;
      best = [occ];
    } else if (score === bestScore) {
      best.push(occ);
    }
  }
  // Tie break: nearest to the old position, then the earliest.
  const target = Number.isFinite(start) ? start : 0;
  let chosen = best[0]!;
  for (const occ of best) {
    if (Math.abs(occ - target) < Math.abs(chosen - target)) chosen = occ;
  }
  return ok(text, chosen, q.length);
}

/**
 * An editor-facing sentence explaining `error` and how to fix it, suitable for
 * showing under a form field. For errors produced by this module it equals
 * `error.message`.
 */
export function describeAnchorError(error: AnchorError): string {
  switch (error.kind) {
    case "empty":
      return "The quote is empty. Paste the exact words from the source that support this status.";
    case "ambiguous": {
      return `This quote appears ${countOf(error.occurrences.length, "time")} in the source; include more of the surrounding words so it matches only one place.`;
    }
    case "not-found":
      if (error.nearest === null) {
        return "This quote does not appear in the source, and no similar passage was found. Copy the words exactly as they are written in the source.";
      }
      return `This quote does not appear in the source. Closest passage: “${abbreviate(error.nearest.passage)}”. Copy the words exactly as written there, including apostrophes, quotation marks and accents.`;
  }
}

// ---------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------

type ErrorData =
  | { kind: "empty" }
  | { kind: "not-found"; nearest: NearestPassage | null }
  | { kind: "ambiguous"; occurrences: number[] };

function fail(data: ErrorData): AnchorResult {
  const withPlaceholder = { ...data, message: "" } as AnchorError;
  return {
    ok: false,
    error: { ...withPlaceholder, message: describeAnchorError(withPlaceholder) },
  };
}

function ok(text: string, start: number, length: number): AnchorResult {
  return { ok: true, anchor: anchorAt(text, start, start + length) };
}

/** The anchor of `text.slice(start, end)`, with its context taken from `text`. */
export function anchorAt(text: string, start: number, end: number): TextAnchor {
  return {
    quote: text.slice(start, end),
    start,
    end,
    prefix: contextBefore(text, start),
    suffix: contextAfter(text, end),
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function contextBefore(text: string, start: number): string {
  return sliceWhole(text, start - CONTEXT_LENGTH, start);
}

function contextAfter(text: string, end: number): string {
  return sliceWhole(text, end, end + CONTEXT_LENGTH);
}

/** Longest abbreviation of a passage shown inside a message. */
const MESSAGE_PASSAGE_LIMIT = 160;

function abbreviate(passage: string): string {
  const flat = passage.replace(/\s+/g, " ");
  if (flat.length <= MESSAGE_PASSAGE_LIMIT) return flat;
  return `${cutText(flat, MESSAGE_PASSAGE_LIMIT - 1).trimEnd()}…`;
}

// ---------------------------------------------------------------------------
// Exact matching
// ---------------------------------------------------------------------------

/** Start offsets of every (possibly overlapping) occurrence of `needle`, ascending. */
export function findAll(haystack: string, needle: string): number[] {
  const found: number[] = [];
  let i = haystack.indexOf(needle);
  while (i !== -1) {
    found.push(i);
    i = haystack.indexOf(needle, i + 1);
  }
  return found;
}

/** How many characters `a` and `b` share at their start. */
export function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** How many characters `a` and `b` share at their end. */
export function commonSuffixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/**
 * Applies an {@link AnchorHint} to several occurrences; returns the chosen start
 * offset or `null` if the hint does not single out one occurrence.
 */
function pickWithHint(
  text: string,
  quote: string,
  occurrences: number[],
  hint: AnchorHint,
): number | null {
  const prefix = hint.prefix?.trimEnd() ?? "";
  const suffix = hint.suffix?.trimStart() ?? "";
  let candidates = occurrences;
  // Whitespace where the quote meets its context is skipped, without copying the text.
  if (prefix.length > 0) {
    candidates = candidates.filter((occ) => {
      let i = occ;
      while (i > 0 && WHITESPACE.test(text[i - 1]!)) i--;
      return i >= prefix.length && text.slice(i - prefix.length, i) === prefix;
    });
  }
  if (suffix.length > 0) {
    candidates = candidates.filter((occ) => {
      let i = occ + quote.length;
      while (i < text.length && WHITESPACE.test(text[i]!)) i++;
      return text.startsWith(suffix, i);
    });
  }
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0) return null;

  const target = hint.start;
  if (target === undefined || !Number.isFinite(target)) return null;
  let best: number | null = null;
  let bestDistance = Infinity;
  for (const occ of candidates) {
    const d = Math.abs(occ - target);
    if (d < bestDistance) {
      bestDistance = d;
      best = occ;
    } else if (d === bestDistance) {
      best = null; // equidistant: still ambiguous
    }
  }
  return best;
}

// ---------------------------------------------------------------------------
// Normalisation with an offset map back to the original text
// ---------------------------------------------------------------------------

/**
 * A normalised copy of a text. Character `i` of `text` comes from the original
 * range `[starts[i], ends[i])`; characters that normalise to nothing (combining
 * marks, zero-width characters, extra whitespace in a run) are absorbed into the
 * range of the preceding normalised character.
 */
export type Normalized = { text: string; starts: Int32Array; ends: Int32Array };

const PUNCTUATION: Record<string, string> = {
  // apostrophes and single quotes
  "\u2018": "'",
  "\u2019": "'",
  "\u201A": "'",
  "\u201B": "'",
  "\u2032": "'",
  "\u02BC": "'",
  "\u00B4": "'",
  "`": "'",
  // double quotes
  "\u201C": '"',
  "\u201D": '"',
  "\u201E": '"',
  "\u201F": '"',
  "\u2033": '"',
  "\u00AB": '"',
  "\u00BB": '"',
  "\u2039": '"',
  "\u203A": '"',
  // dashes and minus signs
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2015": "-",
  "\u2212": "-",
  "\uFE58": "-",
  "\uFE63": "-",
  "\uFF0D": "-",
  // invisible characters
  "\u00AD": "",
  "\u200B": "",
  "\u200C": "",
  "\u200D": "",
  "\u2060": "",
  "\uFEFF": "",
};

const COMBINING_MARK = /\p{M}/gu;
const WHITESPACE = /\s/;

const charCache = new Map<string, string>();

/** Normalised form of one code point (may be empty or several characters). */
function normalizeChar(ch: string): string {
  const cached = charCache.get(ch);
  if (cached !== undefined) return cached;
  let out: string;
  const mapped = PUNCTUATION[ch];
  if (mapped !== undefined) out = mapped;
  else if (WHITESPACE.test(ch)) out = " ";
  else out = ch.normalize("NFKD").replace(COMBINING_MARK, "").toLowerCase();
  if (charCache.size < 4096) charCache.set(ch, out);
  return out;
}

export function normalize(input: string): Normalized {
  const n = input.length;
  let capacity = n + 16; // grows if compatibility forms expand the text
  let codes: Uint16Array = new Uint16Array(capacity);
  let starts: Int32Array = new Int32Array(capacity);
  let ends: Int32Array = new Int32Array(capacity);
  let length = 0;
  let lastWasSpace = true; // drops leading whitespace

  let i = 0;
  while (i < n) {
    const code = input.charCodeAt(i);
    if (code < 128) {
      // ASCII fast path: lower-case letters, collapse whitespace, backtick → apostrophe.
      const isSpace = code === 32 || (code >= 9 && code <= 13);
      if (isSpace && lastWasSpace) {
        if (length > 0) ends[length - 1] = i + 1;
      } else {
        if (length === capacity) [codes, starts, ends, capacity] = grow(codes, starts, ends);
        codes[length] = isSpace
          ? 32
          : code === 96
            ? 39
            : code >= 65 && code <= 90
              ? code + 32
              : code;
        starts[length] = i;
        ends[length] = i + 1;
        length++;
      }
      lastWasSpace = isSpace;
      i++;
      continue;
    }
    const width = isHighSurrogate(code) && isLowSurrogate(input.charCodeAt(i + 1)) ? 2 : 1;
    const to = i + width;
    const out = normalizeChar(input.slice(i, to));
    // Characters that normalise to nothing are absorbed by the previous output character.
    if (out.length === 0 && length > 0) ends[length - 1] = to;
    // Per UTF-16 code unit, so that the maps stay aligned with the string.
    for (let k = 0; k < out.length; k++) {
      const c = out.charCodeAt(k);
      const isSpace = c === 32 || WHITESPACE.test(out[k]!);
      if (isSpace && lastWasSpace) {
        if (length > 0) ends[length - 1] = to;
      } else {
        if (length === capacity) [codes, starts, ends, capacity] = grow(codes, starts, ends);
        codes[length] = isSpace ? 32 : c;
        starts[length] = i;
        ends[length] = to;
        length++;
      }
      lastWasSpace = isSpace;
    }
    i = to;
  }
  if (length > 0 && codes[length - 1] === 32) length--; // drop a trailing space

  // `apply` with a typed array is much faster than spreading it; chunks bound the argument count.
  let text = "";
  for (let from = 0; from < length; from += 4096) {
    const chunk = codes.subarray(from, Math.min(length, from + 4096));
    text += String.fromCharCode.apply(null, chunk as unknown as number[]);
  }
  return { text, starts: starts.subarray(0, length), ends: ends.subarray(0, length) };
}

function grow(
  codes: Uint16Array,
  starts: Int32Array,
  ends: Int32Array,
): [Uint16Array, Int32Array, Int32Array, number] {
  const capacity = codes.length * 2;
  const c = new Uint16Array(capacity);
  c.set(codes);
  const s = new Int32Array(capacity);
  s.set(starts);
  const e = new Int32Array(capacity);
  e.set(ends);
  return [c, s, e, capacity];
}

/** Maps the normalised range `[from, to)` (non-empty) back to the original text. */
function toPassage(original: string, norm: Normalized, from: number, to: number): NearestPassage {
  const start = norm.starts[from]!;
  const end = norm.ends[to - 1]!;
  return { start, end, passage: original.slice(start, end) };
}

// ---------------------------------------------------------------------------
// Nearest passage: normalised match, then fuzzy search
// ---------------------------------------------------------------------------

/** Minimum trigram (Dice) similarity for a fuzzy match to be offered as "nearest". */
const FUZZY_THRESHOLD = 0.5;

/** Quotes shorter than this (after normalisation) are not fuzzy-matched. */
const FUZZY_MIN_LENGTH = 4;

function findNearest(text: string, quote: string, near: number | undefined): NearestPassage | null {
  const nq = normalize(quote).text;
  if (nq.length === 0) return null;
  const nt = normalize(text);

  // 1. Normalised match.
  const matches = findAll(nt.text, nq);
  if (matches.length > 0) {
    let best = matches[0]!;
    if (near !== undefined) {
      for (const m of matches) {
        if (Math.abs(nt.starts[m]! - near) < Math.abs(nt.starts[best]! - near)) best = m;
      }
    }
    return toPassage(text, nt, best, best + nq.length);
  }

  // 2. Fuzzy match.
  if (nq.length < FUZZY_MIN_LENGTH || nt.text.length < 3) return null;
  const window = fuzzyWindow(nt.text, nq);
  if (window === null) return null;
  return toPassage(text, nt, window.from, window.to);
}

function trigramHash(s: string, i: number): number {
  return (
    (Math.imul(s.charCodeAt(i), 961) + Math.imul(s.charCodeAt(i + 1), 31) + s.charCodeAt(i + 2)) &
    0xffff
  );
}

function trigramKey(s: string, i: number): number {
  return (s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1)) * 65536 + s.charCodeAt(i + 2);
}

/**
 * Best window of `text` (both normalised) by trigram Dice similarity with `quote`:
 * a linear sliding-window scan with windows of the quote's length, then a local
 * hill climb on both window edges, then widening to whole words.
 */
function fuzzyWindow(text: string, quote: string): { from: number; to: number } | null {
  // Distinct quote trigrams get ids 0..k-1; need[id] is how often the quote has it.
  const ids = new Map<number, number>();
  const needList: number[] = [];
  const qGrams = quote.length - 2;
  for (let i = 0; i < qGrams; i++) {
    const key = trigramKey(quote, i);
    const id = ids.get(key);
    if (id === undefined) {
      ids.set(key, needList.length);
      needList.push(1);
    } else {
      needList[id]!++;
    }
  }
  const need = Int32Array.from(needList);

  // A small hash bitset of the quote's trigrams lets most text positions skip the Map.
  const filter = new Uint32Array(2048); // 65,536 bits
  for (let i = 0; i < qGrams; i++) {
    const h = trigramHash(quote, i);
    filter[h >>> 5]! |= 1 << (h & 31);
  }

  // gramId[i]: id of the trigram starting at text[i], or -1 if the quote lacks it.
  const tGrams = text.length - 2;
  const gramId = new Int32Array(tGrams).fill(-1);
  for (let i = 0; i < tGrams; i++) {
    const h = trigramHash(text, i);
    if ((filter[h >>> 5]! & (1 << (h & 31))) !== 0) gramId[i] = ids.get(trigramKey(text, i)) ?? -1;
  }

  // Window state over gram positions [gs, ge).
  const have = new Int32Array(need.length);
  let shared = 0;
  const add = (p: number): void => {
    const id = gramId[p]!;
    if (id >= 0 && have[id]!++ < need[id]!) shared++;
  };
  const remove = (p: number): void => {
    const id = gramId[p]!;
    if (id >= 0 && --have[id]! < need[id]!) shared--;
  };

  // Sliding scan with windows of qGrams grams.
  const width = Math.min(qGrams, tGrams);
  for (let p = 0; p < width; p++) add(p);
  let bestShared = shared;
  let bestStart = 0;
  for (let p = width; p < tGrams; p++) {
    add(p);
    remove(p - width);
    if (shared > bestShared) {
      bestShared = shared;
      bestStart = p - width + 1;
    }
  }
  if (bestShared === 0) return null;

  // Rebuild the state for the best window and hill-climb its edges.
  have.fill(0);
  shared = 0;
  let gs = bestStart;
  let ge = bestStart + width;
  for (let p = gs; p < ge; p++) add(p);
  const dice = (s: number, g: number): number => (2 * s) / (qGrams + g);
  let score = dice(shared, ge - gs);
  for (let steps = 0; steps < 4 * quote.length + 16; steps++) {
    let bestMove = -1;
    let bestScore = score;
    // 0: grow left, 1: shrink left, 2: grow right, 3: shrink right.
    if (gs > 0) {
      add(gs - 1);
      const s = dice(shared, ge - gs + 1);
      remove(gs - 1);
      if (s > bestScore) [bestScore, bestMove] = [s, 0];
    }
    if (ge - gs > 1) {
      remove(gs);
      const s = dice(shared, ge - gs - 1);
      add(gs);
      if (s > bestScore) [bestScore, bestMove] = [s, 1];
    }
    if (ge < tGrams) {
      add(ge);
      const s = dice(shared, ge - gs + 1);
      remove(ge);
      if (s > bestScore) [bestScore, bestMove] = [s, 2];
    }
    if (ge - gs > 1) {
      remove(ge - 1);
      const s = dice(shared, ge - gs - 1);
      add(ge - 1);
      if (s > bestScore) [bestScore, bestMove] = [s, 3];
    }
    if (bestMove === -1) break;
    if (bestMove === 0) add(--gs);
    else if (bestMove === 1) remove(gs++);
    else if (bestMove === 2) add(ge++);
    else remove(--ge);
    score = bestScore;
  }
  if (score < FUZZY_THRESHOLD) return null;

  // Character range covered by grams [gs, ge), widened to whole words.
  let from = gs;
  let to = ge - 1 + 3;
  while (from > 0 && isWordChar(text, from - 1) && isWordChar(text, from)) from--;
  while (to < text.length && isWordChar(text, to - 1) && isWordChar(text, to)) to++;
  while (from < to && text[from] === " ") from++;
  while (to > from && text[to - 1] === " ") to--;
  return from < to ? { from, to } : null;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

export function isWordChar(s: string, i: number): boolean {
  const code = s.charCodeAt(i);
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  }
  return WORD_CHAR.test(s[i]!);
}
