/**
 * Turns FormData into a plain object for zod. Keys like `citations.0.quote` become nested
 * arrays/objects; a repeated plain key keeps its first value (a forged form cannot smuggle a
 * second one past validation). Files are ignored.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || seen.has(key) || key.startsWith("$ACTION")) continue;
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
