// @ts-check
/**
 * The page cache on Next's own file-system cache (files under .next/server, with an in-memory
 * LRU in front): what next.config.js wires in as `cacheHandler`. Everything the page cache adds
 * (the database stamp, compression, the script policy, the guard around edits) is in
 * page-cache.mjs and works on any backend with Next's cache handler interface, so another
 * store (Redis, for several servers) is another file like this one.
 *
 * Next's file-system cache never deletes a page, so this one bounds them: pages (and API
 * views) it stores are counted, with their bytes, oldest stored first; past the configured
 * number or bytes (page-cache.mjs) the oldest one's files are deleted. The count is taken from
 * the files themselves when the server first stores a page, so it holds across restarts.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_ENTRIES,
  createPageCacheHandler,
  pageCacheConfig,
} from "./page-cache.mjs";

/** @type {typeof import("next/dist/server/lib/incremental-cache/file-system-cache").default} */
const FileSystemCache = createRequire(import.meta.url)(
  "next/dist/server/lib/incremental-cache/file-system-cache.js",
).default;

const ROUTE_CACHE = "route-cache";
const SUFFIXES = [".html", ".rsc", ".body", ".meta"];
const SEGMENTS = ".segments";

/** @param {string} file @returns {number} */
function bytesOf(file) {
  try {
    const stat = fs.statSync(file);
    if (!stat.isDirectory()) return stat.size;
    return fs
      .readdirSync(file)
      .reduce((/** @type {number} */ sum, name) => sum + bytesOf(path.join(file, name)), 0);
  } catch {
    return 0;
  }
}

/** Stored pages by directory of the cache: key → bytes, oldest stored first. */
const indexes = /** @type {Map<string, { entries: Map<string, number>, bytes: number }>} */ (
  new Map()
);

/**
 * The pages already on disk under `root` (`<serverDistDir>/route-cache`), oldest first.
 * @param {string} root
 */
function scan(root) {
  /** @type {{ key: string, at: number, bytes: number }[]} */
  const found = [];
  const walk = (/** @type {string} */ dir) => {
    let names;
    try {
      names = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of names) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.endsWith(SEGMENTS)) walk(file);
      } else if (entry.name.endsWith(".meta")) {
        const base = file.slice(0, -".meta".length);
        const key = "/" + path.relative(path.dirname(root), base).split(path.sep).join("/");
        const bytes = [...SUFFIXES, SEGMENTS].reduce((sum, s) => sum + bytesOf(base + s), 0);
        found.push({ key, at: fs.statSync(file).mtimeMs, bytes });
      }
    }
  };
  walk(root);
  found.sort((a, b) => a.at - b.at);
  const entries = new Map(found.map((f) => [f.key, f.bytes]));
  return { entries, bytes: found.reduce((sum, f) => sum + f.bytes, 0) };
}

class BoundedFileSystemCache extends FileSystemCache {
  /** @param {any} ctx */
  constructor(ctx) {
    super(ctx);
    /** @type {string} */
    this.distDir = ctx.serverDistDir;
    this.flushes = Boolean(ctx.flushToDisk);
  }

  /** @param {string} key @param {any} data @param {any} ctx */
  async set(key, data, ctx) {
    await super.set(key, data, ctx);
    const kind = data?.kind;
    if (!this.flushes || (kind !== "APP_PAGE" && kind !== "APP_ROUTE")) return;
    if (!key.startsWith(`/${ROUTE_CACHE}/`)) return;
    this.#record(key);
  }

  /** @param {string} key */
  #base(key) {
    return path.join(this.distDir, ...key.split("/").filter(Boolean));
  }

  /** @param {string} key */
  #record(key) {
    const root = path.join(this.distDir, ROUTE_CACHE);
    let index = indexes.get(root);
    if (!index) {
      index = scan(root);
      indexes.set(root, index);
    }
    const base = this.#base(key);
    const bytes = [...SUFFIXES, SEGMENTS].reduce((sum, s) => sum + bytesOf(base + s), 0);
    index.bytes -= index.entries.get(key) ?? 0;
    index.entries.delete(key);
    index.entries.set(key, bytes);
    index.bytes += bytes;
    const config = pageCacheConfig();
    const maxEntries = config?.maxEntries ?? DEFAULT_MAX_ENTRIES;
    const maxBytes = config?.maxBytes ?? DEFAULT_MAX_BYTES;
    for (const [oldKey, oldBytes] of index.entries) {
      if (index.entries.size <= maxEntries && index.bytes <= maxBytes) break;
      if (oldKey === key) break;
      index.entries.delete(oldKey);
      index.bytes -= oldBytes;
      this.#evict(oldKey);
    }
  }

  /** Deletes a page's files; Next's memory LRU may keep it a while (it is bounded itself). @param {string} key */
  #evict(key) {
    const base = this.#base(key);
    for (const suffix of [...SUFFIXES, SEGMENTS]) {
      fs.rmSync(base + suffix, { recursive: true, force: true });
    }
  }
}

export default createPageCacheHandler(BoundedFileSystemCache);
