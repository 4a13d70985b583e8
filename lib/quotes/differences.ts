/**
 * Where a typed quote and the source's passage differ, character by character, so a near
 * miss that looks identical (a straight apostrophe typed against a curly one) can be shown.
 * Pure; works on UTF-16 code units, which is what the offsets everywhere else count.
 */

/** A stretch both have (`same`), or a stretch where the source has `source` and the quote `typed`. */
export type Difference = { same: string } | { source: string; typed: string };

/** Above this many code units in the differing middle, it is shown as one change. */
const MAX_ALIGNED = 600;

/**
 * The passage split into stretches that match the typed quote and stretches that differ. The
 * `source` parts joined with the `same` parts give `passage` back; the `typed` parts with the
 * `same` parts give `typed` back.
 */
export function quoteDifferences(typed: string, passage: string): Difference[] {
  let head = 0;
  const max = Math.min(typed.length, passage.length);
  while (head < max && typed[head] === passage[head]) head++;
  let tail = 0;
  while (
    tail < max - head &&
    typed[typed.length - 1 - tail] === passage[passage.length - 1 - tail]
  ) {
    tail++;
  }
  const a = passage.slice(head, passage.length - tail);
  const b = typed.slice(head, typed.length - tail);
  const middle =
    a.length <= MAX_ALIGNED && b.length <= MAX_ALIGNED
      ? align(a, b)
      : [{ source: a, typed: b } as Difference];
  return merge([
    { same: passage.slice(0, head) },
    ...middle,
    { same: passage.slice(passage.length - tail) },
  ]);
}

/** Longest common subsequence alignment of the source's `a` with the typed `b`. */
function align(a: string, b: string): Difference[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: LCS length of a[i..] and b[j..], in one flat array.
  const lcs = new Uint16Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[at(i, j)] =
        a[i] === b[j]
          ? lcs[at(i + 1, j + 1)]! + 1
          : Math.max(lcs[at(i + 1, j)]!, lcs[at(i, j + 1)]!);
    }
  }
  const out: Difference[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ same: a[i]! });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[at(i, j + 1)]! >= lcs[at(i + 1, j)]!)) {
      out.push({ source: "", typed: b[j]! });
      j++;
    } else {
      out.push({ source: a[i]!, typed: "" });
      i++;
    }
  }
  return out;
}

/** Joins neighbours of the same kind and drops empty stretches. */
function merge(parts: Difference[]): Difference[] {
  const out: Difference[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if ("same" in part) {
      if (!part.same) continue;
      if (last && "same" in last) last.same += part.same;
      else out.push({ ...part });
    } else {
      if (!part.source && !part.typed) continue;
      if (last && !("same" in last)) {
        last.source += part.source;
        last.typed += part.typed;
      } else out.push({ ...part });
    }
  }
  return out;
}

const NAMES: Record<string, string> = {
  "'": "straight apostrophe",
  "\u2019": "curly apostrophe",
  "\u2018": "curly opening quote",
  '"': "straight quotation mark",
  "\u201C": "curly opening quotation mark",
  "\u201D": "curly closing quotation mark",
  "\u00AB": "guillemet",
  "\u00BB": "guillemet",
  "-": "hyphen",
  "\u2013": "en dash",
  "\u2014": "em dash",
  " ": "space",
  "\u00A0": "non-breaking space",
  "\n": "line break",
  "\t": "tab",
};

/**
 * A stretch as the editor can tell it apart from its look-alikes: `’ (curly apostrophe)`,
 * `“Xi”`, or "nothing" for an empty one.
 */
export function describeStretch(text: string): string {
  if (text === "") return "nothing";
  const name = [...text].length === 1 ? NAMES[text] : undefined;
  const shown = text.replace(/\s/g, (c) => (c === " " ? " " : "·"));
  return name ? `${shown} (${name})` : `“${shown}”`;
}
