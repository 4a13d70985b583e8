/** A run of a word-level difference: kept words, words only in the old text, or only in the new. */
export type DiffPart = { kind: "same" | "removed" | "added"; text: string };

const TOKEN = /\s+|[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu;

/** Beyond this many token pairs the texts are shown as replaced whole, not diffed. */
const MAX_CELLS = 400_000;

/**
 * What changed between two wordings of a quote, word by word (a longest common subsequence of
 * words, spaces and punctuation marks), so an editor sees at a glance what to check.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = before.match(TOKEN) ?? [];
  const b = after.match(TOKEN) ?? [];
  if (a.length * b.length > MAX_CELLS) {
    return [
      { kind: "removed" as const, text: before },
      { kind: "added" as const, text: after },
    ].filter((p) => p.text.length > 0);
  }
  // lengths[i][j]: longest common subsequence of a[i..] and b[j..].
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart["kind"], text: string) => {
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push("same", a[i]!);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      push("removed", a[i++]!);
    } else {
      push("added", b[j++]!);
    }
  }
  while (i < a.length) push("removed", a[i++]!);
  while (j < b.length) push("added", b[j++]!);
  return joinChanges(parts);
}

/**
 * One removed and one added run per changed stretch: a space kept between two changed words
 * belongs to the change ("only EU" → "sole European Union", not "only" → "sole", " ", …).
 */
function joinChanges(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let k = 0;
  while (k < parts.length) {
    if (parts[k]!.kind === "same") {
      out.push(parts[k++]!);
      continue;
    }
    // The stretch: changes, and the spaces between them.
    const stretch: DiffPart[] = [];
    while (k < parts.length) {
      const part = parts[k]!;
      const next = parts[k + 1];
      const between = part.kind === "same" && /^\s+$/.test(part.text) && next?.kind !== "same";
      if (part.kind !== "same" || (between && next !== undefined)) stretch.push(part);
      else break;
      k++;
    }
    let removed = "";
    let added = "";
    stretch.forEach((part, n) => {
      const later = stretch.slice(n + 1);
      if (part.kind === "removed") removed += part.text;
      else if (part.kind === "added") added += part.text;
      else {
        if (later.some((p) => p.kind === "removed")) removed += part.text;
        if (later.some((p) => p.kind === "added")) added += part.text;
      }
    });
    if (removed) out.push({ kind: "removed", text: removed });
    if (added) out.push({ kind: "added", text: added });
  }
  return out;
}
