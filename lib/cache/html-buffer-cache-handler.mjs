// @ts-check
/**
 * Next's own page cache (the file-system cache with its in-memory LRU), with one change: a
 * cached page's HTML is handed to Next as a Buffer, converted once per cache entry.
 *
 * Next answers a cached page whose HTML is a string with `res.end(string)`, and Node encodes
 * the string into a fresh UTF-8 buffer on every response: on this kind of machine that cost
 * about 3 ms for a 500 KB page, eight times writing the same bytes from a Buffer. A Buffer is
 * streamed as it is, as Next already does for the RSC payload of the same entry.
 *
 * Everything else (what is cached, tags, revalidatePath/revalidateTag, files under .next) is
 * the default handler's. Wired in next.config.js as `cacheHandler`; the end-to-end tests
 * check that a cached page is whole and that an edit still shows at once.
 */
import fileSystemCache from "next/dist/server/lib/incremental-cache/file-system-cache.js";

/** @type {typeof import("next/dist/server/lib/incremental-cache/file-system-cache").default} */
const FileSystemCache = fileSystemCache.default;

export default class HtmlBufferCacheHandler extends FileSystemCache {
  /** @param {Parameters<FileSystemCache["get"]>} args */
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
}
