/**
 * The pairs of whatever a server action was given as its form: a browser sends FormData, but
 * a forged request can make React decode a Map, an array or a plain value instead. Anything
 * without `entries()` has no fields.
 */
function formEntries(form: unknown): Iterable<unknown> {
  if (typeof form !== "object" || form === null) return [];
  const entries = (form as { entries?: unknown }).entries;
  if (typeof entries !== "function") return [];
  try {
    const iterable = entries.call(form) as unknown;
    return iterable && typeof iterable === "object" && Symbol.iterator in iterable
      ? (iterable as Iterable<unknown>)
      : [];
  } catch {
    return [];
  }
}

/**
 * Turns a form into a plain object for zod. Keys like `citations.0.quote` become nested
 * arrays/objects; a repeated plain key keeps its first value (a forged form cannot smuggle a
 * second one past validation). Files and values that are not strings are ignored.
 *
 * Text that is not well-formed UTF-16 (a lone surrogate, which a Map decoded from a forged
 * request can carry, though FormData cannot) is repaired here, each lone surrogate becoming
 * U+FFFD: the database would store it so, and a citation's offsets counted on the text as
 * validated would then select other words than the stored text holds.
 */
export function formDataToObject(form: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const pair of formEntries(form)) {
    if (!Array.isArray(pair)) continue;
    const [rawKey, rawValue] = pair as unknown[];
    if (typeof rawKey !== "string" || typeof rawValue !== "string") continue;
    const key = rawKey.toWellFormed();
    const value = rawValue.toWellFormed();
    if (seen.has(key) || key.startsWith("$ACTION")) continue;
    seen.add(key);
    const path = key.split(".");
    if (
      path.length > 3 ||
      path.some((p) => p === "" || p === "__proto__" || p === "constructor" || p === "prototype")
    )
      continue;
    let node: Record<string, unknown> = out;
    for (let i = 0; i < path.length - 1; i++) {
      const part = path[i]!;
      const next = node[part];
      if (typeof next !== "object" || next === null) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[path.at(-1)!] = value;
  }
  return out;
}

/** `{ "0": a, "2": b }` → `[a, b]`, in index order; anything else → `[]`. */
export function indexedToArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value)
    .filter(([k]) => /^\d{1,3}$/.test(k))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, v]) => v);
}
