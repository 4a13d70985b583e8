// @ts-check
/**
 * Next's own page cache (the file-system cache with its in-memory LRU), with two changes.
 *
 * 1. A cached page's HTML is handed to Next as a Buffer, converted once per cache entry. Next
 *    answers a cached page whose HTML is a string with `res.end(string)`, and Node encodes the
 *    string into a fresh UTF-8 buffer on every response: on this kind of machine that cost about
 *    3 ms for a 500 KB page, eight times writing the same bytes from a Buffer. A Buffer is
 *    streamed as it is, as Next already does for the RSC payload of the same entry.
 *
 * 2. A page rendered around an edit is not kept. Next dates a cached page when it is stored,
 *    not when its render began: a render that read the database before a save and is stored just
 *    after the save's revalidatePath counts as fresh, and would show the old list until the next
 *    edit. For a short while after one of its tags is revalidated, a page is served but not
 *    stored, so the next reader gets a render that began after the save.
 *
 * Everything else (what is cached, tags, revalidatePath/revalidateTag, files under .next) is
 * the default handler's. Wired in next.config.js as `cacheHandler`; tests/unit/cache-handler
 * and the end-to-end tests check both changes and that an edit still shows at once.
 */
import { createRequire } from "node:module";

/** @type {typeof import("next/dist/server/lib/incremental-cache/file-system-cache").default} */
const FileSystemCache = createRequire(import.meta.url)(
  "next/dist/server/lib/incremental-cache/file-system-cache.js",
).default;
/** @typedef {InstanceType<typeof FileSystemCache>} Base */

/**
 * How long after a revalidation a page with that tag is not stored: longer than a render of a
 * cached page takes on a loaded server (0.1 to 0.5 s in the benchmark).
 */
export const RACE_WINDOW_MS = 10_000;

/** When each tag was last revalidated in this process (a handler is made per request). */
const revalidatedAt = new Map();

const CACHE_TAGS_HEADER = "x-next-cache-tags";

export default class HtmlBufferCacheHandler extends FileSystemCache {
  /** @param {Parameters<Base["get"]>} args */
  async get(...args) {
    const entry = await super.get(...args);
    const value = entry?.value;
    // The entry object is the one kept in the in-memory LRU: converting it in place means the
    // next hit finds the Buffer. Its size in the LRU was counted when it was set.
    if (value && value.kind === "APP_PAGE" && typeof value.html === "string") {
      value.html = /** @type {any} */ (Buffer.from(value.html, "utf8"));
    }
    return entry;
  }

  /** @param {Parameters<Base["set"]>} args */
  async set(...args) {
    const [, data] = args;
    if (data && data.kind === "APP_PAGE") {
      const tags = String(data.headers?.[CACHE_TAGS_HEADER] ?? "").split(",");
      const now = Date.now();
      if (tags.some((tag) => now - (revalidatedAt.get(tag) ?? -Infinity) < RACE_WINDOW_MS)) return;
    }
    return super.set(...args);
  }

  /** @param {Parameters<Base["revalidateTag"]>} args */
  async revalidateTag(...args) {
    const [tags] = args;
    const now = Date.now();
    for (const tag of [tags].flat()) revalidatedAt.set(tag, now);
    if (revalidatedAt.size > 10_000) {
      for (const [tag, at] of revalidatedAt)
        if (now - at >= RACE_WINDOW_MS) revalidatedAt.delete(tag);
    }
    return super.revalidateTag(...args);
  }
}
