// @ts-check
/**
 * The page cache, around a storage backend (files under the build, file-page-store.mjs, or
 * Redis, redis-cache-store.mjs). The backend stores and finds entries and their tags;
 * everything below works on what it returns, whatever keeps it:
 *
 * 1. Entries belong to one database. The server learns its database's namespace when it
 *    starts (instrumentation.ts, from lib/data/database-identity.ts) and stamps every entry it
 *    stores with it; an entry with another stamp, or none (pages prerendered by `next build`),
 *    is never served. Until the namespace is known nothing is stored or served.
 *
 * 2. A page rendered around an edit is not kept. Next dates a cached page when it is stored,
 *    not when its render began: a render that read the database before a save and is stored
 *    just after the save's revalidatePath counts as fresh, and would show the old list until
 *    the next edit. For a short while after one of its tags is revalidated, a page is served
 *    but not stored, so the next reader gets a render that began after the save.
 *
 * 3. A page is compressed once, not per response. When it is stored (or first read after a
 *    restart) its HTML and RSC payload are compressed with Brotli and gzip in the background;
 *    each request then gets the bytes its Accept-Encoding asks for, with Content-Encoding set,
 *    so Next's compression (gzip on every response) leaves them alone. Until the compressed
 *    bytes are ready, requests get the page as it is.
 *
 * 4. Bytes, not strings: the HTML is handed to Next as a Buffer, converted once per entry.
 *    Next answers a string with `res.end(string)`, and Node encodes the string into a fresh
 *    UTF-8 buffer on every response; a Buffer is streamed as it is.
 *
 * 5. Each page is sent with its own script policy (the hashes of its inline scripts, see
 *    lib/security/content-security-policy.mjs) and the configured Cache-Control, both
 *    computed once per entry. A cached API answer (APP_ROUTE) gets the Cache-Control too.
 *
 * 6. A cached page is a document without the framework's scripts (static-page.mjs): no
 *    inline RSC payload, no runtime to hydrate a page that has nothing to hydrate.
 */
import { randomBytes } from "node:crypto";
import { compress, negotiateEncoding } from "./encodings.mjs";
import { currentRequest, listenForRequests } from "./request-context.mjs";
import { withoutFrameworkScripts } from "./static-page.mjs";
import {
  cacheKeyPath,
  groupTagPath,
  isDocumentRoute,
  isListView,
  isQueryView,
  isSharedRoute,
} from "./cached-routes.mjs";
import {
  embedPagePolicy,
  inlineScriptHashes,
  isEmbedPath,
  pagePolicy,
} from "../security/content-security-policy.mjs";

/**
 * How long after a revalidation a page with that tag is not stored: longer than a render of a
 * cached page takes on a loaded server.
 */
export const RACE_WINDOW_MS = 10_000;

/**
 * How many tags' revalidation times are kept (here and in each store) before those older than
 * FORGET_AFTER_MS are forgotten, so that a server edited for months does not hold a time for
 * every tag ever revalidated.
 */
export const KEPT_REVALIDATIONS = 10_000;
export const FORGET_AFTER_MS = 60_000;

const CACHE_TAGS_HEADER = "x-next-cache-tags";
/** `<namespace>:<entry id>`, stored with the entry's headers and never sent. */
const STAMP_HEADER = "x-rollcall-page-cache-stamp";
/** When the entry was stored, by this process's clock (Date.now()); never sent either. */
const STORED_AT_HEADER = "x-rollcall-page-cache-stored-at";
const CONFIG = Symbol.for("rollcall.page-cache.config");

/**
 * @typedef {object} PageCacheConfig
 * @property {string} namespace the database's (lib/data/database-identity.ts)
 * @property {string} cacheControl sent with every cached page
 * @property {number} [maxServedBytes] bound of the pages kept ready to send (default 64 MiB)
 * @property {number} [maxEntries] bound of the pages the store keeps (default 20,000), besides
 *   searches and days
 * @property {number} [maxQueryEntries] bound of the searches and days it keeps (default 2,000)
 * @property {number} [maxBytes] bound of their bytes, where the store counts them (default 1 GiB)
 */

export const DEFAULT_MAX_ENTRIES = 20_000;
export const DEFAULT_MAX_QUERY_ENTRIES = 2_000;

/**
 * Which of the store's two bounds an entry counts against, and that bound: searches and days
 * (isQueryView) apart from every other page.
 * @param {string} key
 * @returns {{ queries: boolean, maxEntries: number }}
 */
export function boundOf(key) {
  const config = pageCacheConfig();
  return isQueryView(cacheKeyPath(key))
    ? { queries: true, maxEntries: config?.maxQueryEntries ?? DEFAULT_MAX_QUERY_ENTRIES }
    : { queries: false, maxEntries: config?.maxEntries ?? DEFAULT_MAX_ENTRIES };
}
export const DEFAULT_MAX_BYTES = 2 ** 30;

/**
 * Whether a key may reach the store: none of its path's segments longer than a file name may
 * be (with the store's suffixes), and no control character. Others (an over-long or `%00`
 * slug) are neither looked up nor stored: the page is rendered, and answers its 404, without a
 * file-system error in the log.
 * @param {string} key
 */
export function isStorableKey(key) {
  if (/[\u0000-\u001f\u007f]/.test(key)) return false;
  return key.split("/").every((segment) => Buffer.byteLength(segment) <= 200);
}

/** Called once the server knows its database (instrumentation.ts). @param {PageCacheConfig} config */
export function configurePageCache(config) {
  /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis))[CONFIG] = config;
}

/** @returns {PageCacheConfig | undefined} */
export function pageCacheConfig() {
  return /** @type {Record<symbol, PageCacheConfig | undefined>} */ (
    /** @type {unknown} */ (globalThis)
  )[CONFIG];
}

/**
 * @typedef {object} Revalidations when tags were last revalidated, for the guard around edits
 * @property {(tags: string[], at: number) => void | Promise<void>} record
 * @property {(tags: string[]) => number | Promise<number>} latest the latest time, or -Infinity
 */

/**
 * This process's revalidations (a handler is made per request, so they live here). With
 * several servers on one shared store, pass revalidations that live in that store instead: a
 * render on one server must see an edit saved through another.
 * @type {Revalidations}
 */
export const processRevalidations = (() => {
  const revalidatedAt = new Map();
  return {
    record(tags, at) {
      for (const tag of tags) revalidatedAt.set(tag, at);
      if (revalidatedAt.size > KEPT_REVALIDATIONS) {
        for (const [tag, when] of revalidatedAt)
          if (at - when >= RACE_WINDOW_MS) revalidatedAt.delete(tag);
      }
    },
    latest(tags) {
      return Math.max(-Infinity, ...tags.map((tag) => revalidatedAt.get(tag) ?? -Infinity));
    },
  };
})();

/**
 * @typedef {{ identity: Buffer, br?: Buffer, gzip?: Buffer }} Bodies
 * @typedef {object} ServedPage
 * @property {string} entryId
 * @property {number} bytes
 * @property {object} value what Next gets: the stored entry with per-request getters
 */

/** Pages ready to send, by cache key, least recently used first. */
const servedPages = /** @type {Map<string, ServedPage>} */ (new Map());
let servedBytes = 0;
/** A value handed to Next, to the stored value it came from (Next may store it again). */
const storedValues = new WeakMap();

/** @param {string} key @param {ServedPage} page @param {number} limit */
function keepServed(key, page, limit) {
  const previous = servedPages.get(key);
  if (previous) {
    servedBytes -= previous.bytes;
    servedPages.delete(key);
  }
  servedPages.set(key, page);
  servedBytes += page.bytes;
  for (const [oldKey, old] of servedPages) {
    if (servedBytes <= limit || oldKey === key) break;
    servedPages.delete(oldKey);
    servedBytes -= old.bytes;
  }
}

/**
 * A path as a cache tag: a header holds Latin-1 only, so a path with other characters (no slug
 * has any) is tagged as it would be sent.
 * @param {string} path
 */
const latin1Path = (path) => (/^[\x20-\x7e]*$/.test(path) ? path : encodeURI(path));

/** @param {unknown} headers @returns {Record<string, any>} */
const headersOf = (headers) => /** @type {Record<string, any>} */ (headers ?? {});

/**
 * An entry's headers with the implicit tag of `path` (`_N_T_<path>`, what revalidatePath of it
 * revalidates) among its tags.
 * @param {unknown} headers
 * @param {string} path
 */
function withPathTag(headers, path) {
  const own = headersOf(headers);
  const tags = String(own[CACHE_TAGS_HEADER] ?? "")
    .split(",")
    .filter(Boolean);
  const tag = `_N_T_${latin1Path(path)}`;
  if (!tags.includes(tag)) tags.push(tag);
  return { ...own, [CACHE_TAGS_HEADER]: tags.join(",") };
}

/** The headers without the stamp, which stays between the page cache and its backend. */
const withoutStamp = (/** @type {unknown} */ headers) => {
  const copy = { ...headersOf(headers) };
  delete copy[STAMP_HEADER];
  delete copy[STORED_AT_HEADER];
  return copy;
};

/**
 * The headers a cached page is sent with, besides Next's own: its script policy and the
 * configured Cache-Control.
 * @param {Buffer | string} html
 * @param {PageCacheConfig} config
 * @param {string} [path] the page's, as its cache key ends
 */
export function pageHeaders(html, config, path = "") {
  // An embed may be framed by any site; every other page by none.
  const policy = isEmbedPath(path) ? embedPagePolicy : pagePolicy;
  return {
    "content-security-policy": policy(inlineScriptHashes(html)),
    "cache-control": config.cacheControl,
  };
}

/**
 * What Next gets for a stored page: the same entry, whose HTML, RSC payload and headers are
 * chosen when Next reads them for each request (see request-context.mjs).
 * @param {string} key
 * @param {string} entryId
 * @param {any} stored the backend's value
 * @param {PageCacheConfig} config
 */
function servePage(key, entryId, stored, config) {
  const found = servedPages.get(key);
  if (found?.entryId === entryId) {
    keepServed(key, found, config.maxServedBytes ?? 64 * 2 ** 20);
    return found.value;
  }
  // The backend may keep this object (Next's in-memory LRU does): the Buffer replaces the
  // string there too, so it is encoded once. Without the framework's scripts (see
  // static-page.mjs): an entry stored before them has them yet.
  stored.html = withoutFrameworkScripts(cacheKeyPath(key), stored.html, stored.status);
  /** @type {{ html: Bodies, rsc: Bodies | null }} */
  const bodies = {
    html: { identity: stored.html },
    rsc: Buffer.isBuffer(stored.rscData) ? { identity: stored.rscData } : null,
  };
  const headers = {
    ...withoutStamp(stored.headers),
    ...pageHeaders(stored.html, config, cacheKeyPath(key)),
  };
  /** The coding the current request gets, if its bytes are ready. */
  const chosen = () => {
    const request = currentRequest();
    if (!request) return null;
    const body = request.rsc ? bodies.rsc : bodies.html;
    const encoding = negotiateEncoding(request.acceptEncoding);
    const bytes = encoding && body?.[encoding];
    return bytes ? { encoding, bytes, rsc: request.rsc } : null;
  };
  const value = {
    kind: stored.kind,
    postponed: stored.postponed,
    status: stored.status,
    segmentData: stored.segmentData,
    get html() {
      const choice = chosen();
      return choice && !choice.rsc ? choice.bytes : bodies.html.identity;
    },
    get rscData() {
      const choice = chosen();
      return choice?.rsc ? choice.bytes : stored.rscData;
    },
    get headers() {
      const choice = chosen();
      if (!choice) return headers;
      return {
        ...headers,
        "content-encoding": choice.encoding,
        "content-length": String(choice.bytes.length),
      };
    },
  };
  storedValues.set(value, stored);
  const page = {
    entryId,
    value,
    bytes: bodies.html.identity.length + (bodies.rsc?.identity.length ?? 0),
  };
  keepServed(key, page, config.maxServedBytes ?? 64 * 2 ** 20);
  void Promise.all(
    [bodies.html, bodies.rsc].map(async (body) => {
      if (!body) return;
      const encoded = await compress(body.identity);
      Object.assign(body, encoded);
      if (servedPages.get(key) === page) {
        servedBytes += encoded.br.length + encoded.gzip.length;
        page.bytes += encoded.br.length + encoded.gzip.length;
      }
    }),
  ).catch((error) => console.error(`Page cache: could not compress ${key}:`, error));
  return value;
}

/** @param {any} value @returns {string | undefined} */
function stampOf(value) {
  if (value?.kind === "FETCH") return value.rollcallStamp;
  return headersOf(value?.headers)[STAMP_HEADER];
}

/**
 * The page cache on a storage backend: a class with Next's cache handler interface (get, set,
 * revalidateTag, resetRequestCache), made with Next's handler context.
 * @template {new (ctx: any) => any} B
 * @param {B} Backend
 * @param {{ revalidations?: Revalidations }} [options]
 */
export function createPageCacheHandler(Backend, { revalidations = processRevalidations } = {}) {
  return class PageCacheHandler {
    /** @param {any} ctx Next's cache handler context */
    constructor(ctx) {
      this.backend = new Backend(ctx);
      listenForRequests();
    }

    resetRequestCache() {
      this.backend.resetRequestCache?.();
    }

    /** @param {string} key @param {any} ctx */
    async get(key, ctx) {
      const config = pageCacheConfig();
      if (!config || !isStorableKey(key)) return null;
      const entry = await this.backend.get(key, ctx);
      const value = entry?.value;
      if (!value) return entry ?? null;
      const stamp = stampOf(value);
      if (typeof stamp !== "string") return null;
      if (value.kind === "APP_PAGE" || value.kind === "APP_ROUTE") {
        // Not served once one of its tags was revalidated at or after it was stored, by the
        // same clock as the revalidation's. The backend checks this too, but by its own
        // clock (Redis's, or the time it began writing), so a page stored in the same
        // millisecond as an edit could slip through there (docs/architecture.md).
        const headers = headersOf(value.headers);
        const storedAt = Number(headers[STORED_AT_HEADER]);
        const tags = String(headers[CACHE_TAGS_HEADER] ?? "").split(",");
        if (!(storedAt > (await revalidations.latest(tags)))) return null;
      }
      const separator = stamp.indexOf(":");
      if (separator < 0 || stamp.slice(0, separator) !== config.namespace) return null;
      if (value.kind === "APP_PAGE") {
        return { ...entry, value: servePage(key, stamp.slice(separator + 1), value, config) };
      }
      if (value.kind === "FETCH") return entry;
      const headers = withoutStamp(value.headers);
      // The API's cached views and the feeds go with the configured Cache-Control, as pages
      // do; other route handlers (the map's land.svg) keep their own.
      if (value.kind === "APP_ROUTE" && isSharedRoute(cacheKeyPath(key))) {
        headers["cache-control"] = config.cacheControl;
      }
      return { ...entry, value: { ...value, headers } };
    }

    /** @param {string} key @param {any} data @param {any} ctx */
    async set(key, data, ctx) {
      const config = pageCacheConfig();
      const path = cacheKeyPath(key);
      // Only the cached routes' pages are the page cache's. Any other (Next's own 404 for an
      // unknown address, prerendered at build) is neither labelled nor kept: it keeps Next's
      // headers and is rendered for each reader with the nonce the proxy gave its request, which
      // a kept copy would not carry, so its scripts would be refused.
      if (data?.kind === "APP_PAGE" && !isDocumentRoute(path)) return;
      if (data?.kind === "APP_PAGE" && !storedValues.has(data)) {
        // A fresh render, which Next sends to the reader who asked for it once this returns
        // (Next shares this object with that response): it gets the page's own headers even
        // when it is not kept below. Without the database's identity nothing is kept, so no
        // shared cache may keep it either.
        data.html = withoutFrameworkScripts(path, data.html, data.status);
        data.headers ??= {};
        Object.assign(
          data.headers,
          pageHeaders(
            data.html,
            config ?? { namespace: "", cacheControl: "private, no-store" },
            path,
          ),
        );
      }
      if (data?.kind === "APP_ROUTE") {
        // Next tags a route handler's answer with the path as it was asked for (encoded, or
        // before a rewrite), not the path it is cached under: the latter is added, so that
        // revalidatePath of that path reaches every request that shares the entry.
        data.headers = withPathTag(data.headers, path);
        if (isSharedRoute(path)) {
          data.headers["cache-control"] = config?.cacheControl ?? "private, no-store";
        }
      }
      if (!config || !isStorableKey(key)) return;
      if (!data) return this.backend.set(key, data, ctx);
      // A view of a list keeps only its 200s: its two free path segments and any slug would
      // otherwise let requests for made-up addresses fill the store with 404s and redirects.
      if ((isListView(path) || isSharedRoute(path)) && (data.status ?? 200) !== 200) return;
      // No page keeps an error (a 404 for an unknown slug, say): made-up addresses cost a
      // render each, never room in the store.
      if ((data.status ?? 200) >= 400) return;
      const value = storedValues.get(data) ?? data;
      // One tag for all the searches and days of an event, one for its embeds, one for the
      // pages of the index of events, which edits revalidate: their paths are too many to name.
      const group = value.kind === "APP_PAGE" ? groupTagPath(path) : undefined;
      if (group) value.headers = withPathTag(value.headers, group);
      if (value.kind === "APP_PAGE" || value.kind === "APP_ROUTE") {
        const tags = String(headersOf(value.headers)[CACHE_TAGS_HEADER] ?? "").split(",");
        if (Date.now() - (await revalidations.latest(tags)) < RACE_WINDOW_MS) return;
      }
      const now = String(Date.now());
      const stamp = `${config.namespace}:${randomBytes(8).toString("hex")}`;
      if (value.kind === "FETCH") {
        return this.backend.set(key, { ...value, rollcallStamp: stamp }, ctx);
      }
      const stored = {
        ...value,
        headers: { ...headersOf(value.headers), [STAMP_HEADER]: stamp, [STORED_AT_HEADER]: now },
      };
      await this.backend.set(key, stored, ctx);
      if (stored.kind === "APP_PAGE") servePage(key, stamp.split(":")[1] ?? "", stored, config);
    }

    /** @param {string | string[]} tags @param {...any} rest */
    async revalidateTag(tags, ...rest) {
      await revalidations.record([tags].flat(), Date.now());
      return this.backend.revalidateTag(tags, ...rest);
    }
  };
}
