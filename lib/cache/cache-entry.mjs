// @ts-check
/**
 * A cache entry as the page cache's stores keep it (redis-cache-store.mjs, file-page-store.mjs):
 * the value Next hands a cache handler, as JSON with its byte strings set apart, and the tags
 * it is stored with. What Next's handler interface puts in an entry is checked by
 * tests/unit/next-cache-contract.test.ts.
 */

/** The header in which Next lists a page's or route's tags (its own and its path's). */
export const CACHE_TAGS_HEADER = "x-next-cache-tags";

/**
 * An entry's value as JSON with its byte strings (Buffers, and Maps of them: the RSC payload,
 * its segments) set apart, so they travel as they are rather than in base64.
 * @param {unknown} value
 * @returns {{ json: unknown, blobs: Buffer[] }}
 */
export function encodeValue(value) {
  /** @type {Buffer[]} */
  const blobs = [];
  /** @param {unknown} v @returns {unknown} */
  const walk = (v) => {
    if (Buffer.isBuffer(v)) return { $b: blobs.push(v) - 1 };
    if (v instanceof Uint8Array) return { $b: blobs.push(Buffer.from(v)) - 1 };
    if (v instanceof Map) return { $m: [...v].map(([k, x]) => [k, walk(x)]) };
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      /** @type {Record<string, unknown>} */
      const out = {};
      for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return { json: walk(value), blobs };
}

/** @param {unknown} json @param {Buffer[]} blobs @returns {any} */
export function decodeValue(json, blobs) {
  /** @param {any} v @returns {any} */
  const walk = (v) => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      if (typeof v.$b === "number" && Object.keys(v).length === 1) {
        const blob = blobs[v.$b];
        if (!blob) throw new Error(`missing byte string ${v.$b}`);
        return blob;
      }
      if (Array.isArray(v.$m) && Object.keys(v).length === 1)
        return new Map(v.$m.map((/** @type {[string, unknown]} */ [k, x]) => [k, walk(x)]));
      /** @type {Record<string, unknown>} */
      const out = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(json);
}

/** @param {any} value @param {any} ctx */
export function tagsOf(value, ctx) {
  const fromHeader = String(value?.headers?.[CACHE_TAGS_HEADER] ?? "").split(",");
  const tags = [...fromHeader, ...(ctx?.tags ?? [])].filter(Boolean);
  return [...new Set(tags)];
}
