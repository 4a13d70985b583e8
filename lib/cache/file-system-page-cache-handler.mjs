// @ts-check
/**
 * The page cache on Next's own file-system cache (files under .next/server, with an in-memory
 * LRU in front): what next.config.js wires in as `cacheHandler`. Everything the page cache adds
 * (the database stamp, compression, the script policy, the guard around edits) is in
 * page-cache.mjs and works on any backend with Next's cache handler interface, so another
 * store (Redis, for several servers) is another file like this one.
 */
import { createRequire } from "node:module";
import { createPageCacheHandler } from "./page-cache.mjs";

/** @type {typeof import("next/dist/server/lib/incremental-cache/file-system-cache").default} */
const FileSystemCache = createRequire(import.meta.url)(
  "next/dist/server/lib/incremental-cache/file-system-cache.js",
).default;

export default createPageCacheHandler(FileSystemCache);
