// @ts-check
/**
 * The page cache's storage on one server (page-cache-handler.mjs uses it when REDIS_URL is not
 * set): a backend with Next's documented cache handler interface (get, set, revalidateTag,
 * resetRequestCache), wrapped by page-cache.mjs like the Redis store is. It is the project's
 * own, on Node's file system API, so that no Next internals are imported.
 *
 * Each entry is one file under `<build>/server/page-cache/`, named by a hash of its cache key,
 * so the build that made the pages is the only one that finds them (`next build` replaces the
 * directory). A file holds a small JSON header (the key, when it was stored, its tags, its
 * lifetime and the value with its byte strings set apart, see cache-entry.mjs) followed by those
 * byte strings. A file is written beside its place and renamed into it, so a reader finds the
 * old entry or the new one, never half of one.
 *
 * The server keeps an index of the files (key → tags, bytes; oldest stored first), read from
 * their headers the first time the store is used, and the entries it read or stored last, in
 * memory (bounded). Revalidating a tag deletes its entries' files and remembers when, so an
 * entry stored with that tag before then, on the way to the disk as the tag was revalidated, is
 * not served either. Past the configured number of entries (searches and days counted apart) or
 * bytes (page-cache.mjs, boundOf) the oldest entries are deleted.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { decodeValue, encodeValue, tagsOf } from "./cache-entry.mjs";
import {
  DEFAULT_MAX_BYTES,
  FORGET_AFTER_MS,
  KEPT_REVALIDATIONS,
  boundOf,
  pageCacheConfig,
} from "./page-cache.mjs";

export const STORE_DIRECTORY = "page-cache";
/** The entries a server keeps in memory, by their bytes. */
const MEMORY_LIMIT = 64 * 2 ** 20;

/**
 * @typedef {{ lastModified: number, cacheControl?: unknown, value: any }} Entry what Next gets
 * @typedef {{ file: string, tags: string[], bytes: number, at: number }} Indexed `at`: when stored
 * @typedef {object} Directory
 * @property {string} root
 * @property {boolean} flushes whether entries go to disk (Next's `flushToDisk`)
 * @property {Map<string, Indexed>} index by key, oldest stored first
 * @property {Set<string>} queries the keys of searches and days, oldest stored first
 * @property {number} bytes of the indexed entries
 * @property {Map<string, Set<string>>} byTag the keys stored with each tag
 * @property {Map<string, number>} revalidatedAt when each tag was last revalidated, oldest first
 * @property {number} forgottenUpTo the latest revalidation time forgotten (forgetRevalidations)
 * @property {Map<string, { entry: Entry, tags: string[], bytes: number }>} memory least recently used first
 * @property {number} memoryBytes
 */

/** The stores' state by directory, for the whole process: Next makes a handler per request. */
const directories = /** @type {Map<string, Directory>} */ (new Map());

/** @param {string} key */
const fileNameOf = (key) => createHash("sha256").update(key).digest("hex").slice(0, 40);

/**
 * An entry's file: 4 bytes (the header's length), the header as JSON, then the byte strings.
 * @param {{ key: string, lastModified: number, tags: string[], cacheControl?: unknown }} about
 * @param {unknown} value
 */
export function encodeEntry(about, value) {
  const { json, blobs } = encodeValue(value);
  const header = Buffer.from(
    JSON.stringify({ ...about, value: json, blobs: blobs.map((b) => b.length) }),
    "utf8",
  );
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([length, header, ...blobs]);
}

/** @param {Buffer} bytes */
function headerOf(bytes) {
  const length = bytes.readUInt32BE(0);
  return {
    header: JSON.parse(bytes.subarray(4, 4 + length).toString("utf8")),
    end: 4 + length,
  };
}

/** @param {Buffer} bytes @returns {{ key: string, lastModified: number, tags: string[], cacheControl?: unknown, value: any }} */
export function decodeEntry(bytes) {
  const { header, end } = headerOf(bytes);
  /** @type {Buffer[]} */
  const blobs = [];
  let at = end;
  for (const length of /** @type {number[]} */ (header.blobs)) {
    if (at + length > bytes.length) throw new Error("an entry's file is cut short");
    blobs.push(bytes.subarray(at, at + length));
    at += length;
  }
  return { ...header, value: decodeValue(header.value, blobs) };
}

/**
 * The index of the entries already on disk, oldest first, from each file's header.
 * @param {string} root
 */
function scan(root) {
  /** @type {{ key: string, at: number, indexed: Indexed }[]} */
  const found = [];
  let names = /** @type {string[]} */ ([]);
  try {
    names = fs.readdirSync(root);
  } catch {
    return found;
  }
  for (const name of names) {
    const file = path.join(root, name);
    if (name.includes(".")) {
      fs.rmSync(file, { force: true }); // a write that never finished
      continue;
    }
    try {
      const bytes = fs.readFileSync(file);
      const { header } = headerOf(bytes);
      found.push({
        key: header.key,
        at: header.lastModified,
        indexed: { file, tags: header.tags ?? [], bytes: bytes.length, at: header.lastModified },
      });
    } catch {
      fs.rmSync(file, { force: true });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

/** @param {string} root @param {boolean} flushes @returns {Directory} */
function directoryOf(root, flushes) {
  let dir = directories.get(root);
  if (dir) return dir;
  dir = {
    root,
    flushes,
    index: new Map(),
    queries: new Set(),
    bytes: 0,
    byTag: new Map(),
    revalidatedAt: new Map(),
    forgottenUpTo: -Infinity,
    memory: new Map(),
    memoryBytes: 0,
  };
  if (flushes) for (const { key, indexed } of scan(root)) addToIndex(dir, key, indexed);
  directories.set(root, dir);
  return dir;
}

/** @param {Directory} dir @param {string} key @param {Indexed} indexed */
function addToIndex(dir, key, indexed) {
  removeFromIndex(dir, key);
  dir.index.set(key, indexed);
  if (boundOf(key).queries) dir.queries.add(key);
  dir.bytes += indexed.bytes;
  for (const tag of indexed.tags) {
    let keys = dir.byTag.get(tag);
    if (!keys) dir.byTag.set(tag, (keys = new Set()));
    keys.add(key);
  }
}

/** @param {Directory} dir @param {string} key */
function removeFromIndex(dir, key) {
  const indexed = dir.index.get(key);
  if (!indexed) return undefined;
  dir.index.delete(key);
  dir.queries.delete(key);
  dir.bytes -= indexed.bytes;
  for (const tag of indexed.tags) {
    const keys = dir.byTag.get(tag);
    keys?.delete(key);
    if (keys?.size === 0) dir.byTag.delete(tag);
  }
  return indexed;
}

/** @param {Directory} dir @param {string} key @param {{ entry: Entry, tags: string[], bytes: number }} item */
function remember(dir, key, item) {
  forget(dir, key);
  dir.memory.set(key, item);
  dir.memoryBytes += item.bytes;
  for (const [oldKey] of dir.memory) {
    if (dir.memoryBytes <= MEMORY_LIMIT || oldKey === key) break;
    forget(dir, oldKey);
  }
}

/** @param {Directory} dir @param {string} key */
function forget(dir, key) {
  const item = dir.memory.get(key);
  if (!item) return;
  dir.memory.delete(key);
  dir.memoryBytes -= item.bytes;
}

/** Deletes an entry everywhere. @param {Directory} dir @param {string} key */
function drop(dir, key) {
  forget(dir, key);
  const indexed = removeFromIndex(dir, key);
  if (indexed) fs.rmSync(indexed.file, { force: true });
}

/**
 * Forgets the revalidations older than FORGET_AFTER_MS (page-cache.mjs), so that a server
 * edited for months does not hold a time for every tag ever revalidated. A time is kept only to
 * refuse an entry stored before it that a revalidation could not delete: one whose write began
 * before it and ended after (and so was indexed after it), or one held in memory only. Such
 * entries are dropped here, with the time they would have been refused by.
 * @param {Directory} dir @param {number} now
 */
function forgetRevalidations(dir, now) {
  /** @type {Map<string, number>} */
  const forgotten = new Map();
  for (const [tag, when] of dir.revalidatedAt) {
    if (now - when < FORGET_AFTER_MS) break; // oldest first: the rest are newer
    forgotten.set(tag, when);
  }
  if (forgotten.size === 0) return;
  const storedBefore = (/** @type {string[]} */ tags, /** @type {number} */ at) =>
    tags.some((tag) => (forgotten.get(tag) ?? -Infinity) >= at);
  for (const [key, indexed] of [...dir.index]) {
    if (storedBefore(indexed.tags, indexed.at)) drop(dir, key);
  }
  for (const [key, item] of [...dir.memory]) {
    if (storedBefore(item.tags, item.entry.lastModified)) drop(dir, key);
  }
  for (const [tag, when] of forgotten) {
    dir.revalidatedAt.delete(tag);
    dir.forgottenUpTo = Math.max(dir.forgottenUpTo, when);
  }
}

/**
 * Whether an entry may predate a revalidation that has been forgotten: stored no later than
 * the latest one forgotten, and read with a tag it was not stored with (which that
 * revalidation could not have deleted it by). Next reads a page with its path's implicit tags,
 * which its entry carries, so this refuses nothing but such an odd entry.
 * @param {Directory} dir @param {{ entry: Entry, tags: string[] }} item @param {any} ctx
 */
function mayPredateForgotten(dir, item, ctx) {
  if (item.entry.lastModified > dir.forgottenUpTo) return false;
  const own = new Set(item.tags);
  return [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])].some((tag) => !own.has(tag));
}

/**
 * Whether one of the tags was revalidated at or after `at`. Every read of a page asks this of
 * its own tags and the ones it comes with, so it reads the lists as they are.
 * @param {Directory} dir @param {number} at @param {(string[] | undefined)[]} lists
 */
function revalidatedSince(dir, at, ...lists) {
  if (dir.revalidatedAt.size === 0) return false;
  for (const tags of lists) {
    for (const tag of tags ?? []) if ((dir.revalidatedAt.get(tag) ?? -Infinity) >= at) return true;
  }
  return false;
}

export default class FilePageStore {
  /** @param {any} ctx Next's cache handler context */
  constructor(ctx) {
    this.root = path.join(ctx?.serverDistDir ?? ".", STORE_DIRECTORY);
    this.flushes = ctx?.flushToDisk !== false;
  }

  get directory() {
    return directoryOf(this.root, this.flushes);
  }

  resetRequestCache() {}

  /**
   * The entry stored under the key, or null: none, or one of its tags (or the tags the read
   * comes with: Next's implicit tags of the path) was revalidated since it was stored.
   * @param {string} key @param {any} ctx
   * @returns {Promise<Entry | null>}
   */
  async get(key, ctx) {
    const dir = this.directory;
    let item = dir.memory.get(key);
    if (!item) {
      const indexed = dir.index.get(key);
      if (!indexed) return null;
      try {
        const stored = decodeEntry(await fs.promises.readFile(indexed.file));
        if (stored.key !== key) return null;
        const entry = {
          lastModified: stored.lastModified,
          cacheControl: stored.cacheControl,
          value: stored.value,
        };
        item = { entry, tags: stored.tags, bytes: indexed.bytes };
      } catch {
        // Deleted by a revalidation or a bound while being read, or unreadable: not served.
        return null;
      }
      // A revalidation or a newer store may have come while the file was read.
      if (dir.index.get(key) !== indexed) return null;
    }
    if (
      revalidatedSince(dir, item.entry.lastModified, item.tags, ctx?.tags, ctx?.softTags) ||
      mayPredateForgotten(dir, item, ctx)
    ) {
      drop(dir, key);
      return null;
    }
    remember(dir, key, item);
    return item.entry;
  }

  /** @param {string} key @param {any} data @param {any} ctx */
  async set(key, data, ctx) {
    const dir = this.directory;
    if (!data) {
      drop(dir, key);
      return;
    }
    // Dated before it is written: a revalidation of one of its tags while it is on its way to
    // the disk is then at or after it, and it is not served.
    const lastModified = Date.now();
    const tags = tagsOf(data, ctx);
    const value =
      data.kind === "APP_PAGE" && typeof data.html === "string"
        ? { ...data, html: Buffer.from(data.html, "utf8") }
        : data;
    const cacheControl = ctx?.fetchCache ? undefined : ctx?.cacheControl;
    const bytes = encodeEntry({ key, lastModified, tags, cacheControl }, value);
    const entry = { lastModified, cacheControl, value };
    if (!dir.flushes) {
      remember(dir, key, { entry, tags, bytes: bytes.length });
      return;
    }
    const file = path.join(dir.root, fileNameOf(key));
    const temporary = `${file}.${randomBytes(6).toString("hex")}`;
    try {
      await fs.promises.mkdir(dir.root, { recursive: true });
      await fs.promises.writeFile(temporary, bytes);
      await fs.promises.rename(temporary, file);
    } catch (error) {
      await fs.promises.rm(temporary, { force: true });
      console.error(`Page cache: could not store ${key}:`, /** @type {Error} */ (error)?.message);
      return;
    }
    addToIndex(dir, key, { file, tags, bytes: bytes.length, at: lastModified });
    remember(dir, key, { entry, tags, bytes: bytes.length });
    // Past its bound, the oldest entries of the same kind go (searches and days apart from
    // every other page); past the bytes, the oldest of any kind.
    const bound = boundOf(key);
    const maxBytes = pageCacheConfig()?.maxBytes ?? DEFAULT_MAX_BYTES;
    const count = () => (bound.queries ? dir.queries.size : dir.index.size - dir.queries.size);
    for (const [oldKey] of dir.index) {
      const overCount = count() > bound.maxEntries;
      if (!overCount && dir.bytes <= maxBytes) break;
      if (oldKey === key) break;
      if (dir.bytes <= maxBytes && dir.queries.has(oldKey) !== bound.queries) continue;
      drop(dir, oldKey);
    }
  }

  /** How many tags' revalidation times the store holds: about KEPT_REVALIDATIONS at most. */
  get revalidationsKept() {
    return this.directory.revalidatedAt.size;
  }

  /**
   * Deletes the entries stored with any of the tags. Called without lifetimes (as
   * `revalidatePath` and `updateTag` do), or with them: either way the entries are gone at once,
   * which is what every edit here asks for.
   * @param {string | string[]} tags
   */
  async revalidateTag(tags) {
    const dir = this.directory;
    const now = Date.now();
    for (const tag of [tags].flat().filter(Boolean)) {
      dir.revalidatedAt.delete(tag); // the newest last, for forgetRevalidations
      dir.revalidatedAt.set(tag, now);
      for (const key of [...(dir.byTag.get(tag) ?? [])]) drop(dir, key);
    }
    if (dir.revalidatedAt.size > KEPT_REVALIDATIONS) forgetRevalidations(dir, now);
  }
}
