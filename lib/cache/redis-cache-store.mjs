// @ts-check
/**
 * The page cache's storage in Redis, for several servers (REDIS_URL; see
 * page-cache-handler.mjs): a backend with Next's cache handler interface, wrapped by
 * page-cache.mjs like the file store (file-page-store.mjs) is.
 *
 * Every server reads every page from Redis, and a revalidation deletes the pages with that tag
 * there, so an edit saved through one server shows at once on all of them. Redis decides the
 * order: storing a page and revalidating a tag are each one Lua script, so a store either
 * comes before a revalidation (and is deleted by it) or after it. A store that comes in the
 * race window after one of its tags was revalidated is refused there (the render may have read
 * the database before the save), whichever server revalidated it: page-cache.mjs's own guard
 * only knows its own server's revalidations. Times are Redis's clock, never a server's.
 *
 * Keys, under `rollcall:<database namespace>:` so that databases sharing a Redis never meet:
 *   epoch                               a number, raised once Redis is back after it was out
 *                                       of reach (newEpoch); pages stored in an older epoch
 *                                       are never read
 *   page:<epoch>:<build>:<key>          a hash: `v` (a random version), `t` (when it was
 *                                       stored), `meta` (JSON) and the entry's byte strings
 *                                       b0, b1, … (HTML, RSC payload, segments); a new build
 *                                       never serves an old build's pages (their assets differ)
 *   tag:<tag>                           the set of page keys stored with that tag
 *   revalidated                         a hash: tag → when it was last revalidated (ms); past
 *                                       KEPT_REVALIDATIONS tags, those older than
 *                                       FORGET_AFTER_MS are forgotten
 *   forgotten                           the latest time forgotten from `revalidated`
 *   index                               a sorted set: page keys by when they were stored;
 *                                       past PAGE_CACHE_MAX_ENTRIES the oldest are deleted
 *   queries                             the same for searches and days, bounded apart
 *                                       (page-cache.mjs, boundOf)
 * The scripts name keys they did not get as KEYS, so this needs one Redis, not a Cluster.
 *
 * A server keeps the pages it read last (bounded), and asks Redis only for a page's version
 * and time when it has that version already: a cached page costs one short round trip, not its
 * bytes. While Redis cannot be reached every server renders every page (nothing is served
 * from, or stored in, Redis), so readers see every edit. An edit saved then could not delete
 * its pages in Redis, so a server that lost Redis starts a new epoch as soon as it has
 * it back: the pages stored before are never read again, and expire.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { RESP_TYPES, createClient } from "@redis/client";
import { redactUrl } from "../database-url.mjs";
import { decodeValue, encodeValue, tagsOf } from "./cache-entry.mjs";
import {
  FORGET_AFTER_MS,
  KEPT_REVALIDATIONS,
  RACE_WINDOW_MS,
  boundOf,
  pageCacheConfig,
} from "./page-cache.mjs";

/** Redis forgets a page not stored again for this long (an old build's or epoch's). */
const ENTRY_TTL_S = 7 * 24 * 3600;
/** A read, a store or a revalidation that takes longer is given up. */
const COMMAND_TIMEOUT_MS = 2_000;

/** The page key in the current epoch (Lua): prefix .. 'page:' .. epoch .. ':' .. rest. */
const PAGE_KEY = `local function pageKey(prefix, rest)
  local epoch = redis.call('GET', prefix .. 'epoch') or '0'
  return prefix .. 'page:' .. epoch .. ':' .. rest
end
local function now()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
`;

/**
 * ARGV: prefix, page key's rest, window ms, ttl s, version, meta JSON, n, the most pages to
 * keep, the index they are listed in, n tags, then the byte fields. Returns the stored time, or
 * false when refused. Pages are listed in an index by when they were stored (`index`, and
 * `queries` for searches and days, bounded apart); past its bound the oldest are deleted.
 */
const STORE = `${PAGE_KEY}
local prefix = ARGV[1]
local at = now()
local n = tonumber(ARGV[7])
for i = 1, n do
  local revalidated = tonumber(redis.call('HGET', prefix .. 'revalidated', ARGV[9 + i]) or '-1')
  if revalidated >= 0 and at - revalidated < tonumber(ARGV[3]) then return false end
end
local key = pageKey(prefix, ARGV[2])
redis.call('DEL', key)
local fields = { 'v', ARGV[5], 't', at, 'meta', ARGV[6] }
for i = 10 + n, #ARGV do
  fields[#fields + 1] = 'b' .. (i - 10 - n)
  fields[#fields + 1] = ARGV[i]
end
redis.call('HSET', key, unpack(fields))
redis.call('EXPIRE', key, tonumber(ARGV[4]))
for i = 1, n do
  local tagKey = prefix .. 'tag:' .. ARGV[9 + i]
  redis.call('SADD', tagKey, key)
  redis.call('EXPIRE', tagKey, tonumber(ARGV[4]))
end
local index = prefix .. ARGV[9]
redis.call('ZADD', index, at, key)
redis.call('EXPIRE', index, tonumber(ARGV[4]))
local over = redis.call('ZCARD', index) - tonumber(ARGV[8])
if over > 0 then
  for _, old in ipairs(redis.call('ZPOPMIN', index, over)) do
    if string.sub(old, 1, #prefix) == prefix then redis.call('DEL', old) end
  end
end
return at
`;

/**
 * ARGV: prefix, the most revalidation times to keep, how old one must be to be forgotten (ms),
 * then the tags. Deletes their pages; returns how many. A page stored before a revalidation of
 * one of its tags is deleted by it (both are one script), so a time is needed only for the
 * race window and for a read with a tag the page was not stored with (READ_VERSION): past the
 * bound, the old times are forgotten and the latest of them kept in `forgotten`.
 */
const REVALIDATE = `${PAGE_KEY}
local prefix = ARGV[1]
local at = now()
local deleted = 0
local revalidated = prefix .. 'revalidated'
for i = 4, #ARGV do
  redis.call('HSET', revalidated, ARGV[i], at)
  local tagKey = prefix .. 'tag:' .. ARGV[i]
  for _, page in ipairs(redis.call('SMEMBERS', tagKey)) do
    deleted = deleted + redis.call('DEL', page)
  end
  redis.call('DEL', tagKey)
end
if redis.call('HLEN', revalidated) > tonumber(ARGV[2]) then
  local upTo = tonumber(redis.call('GET', prefix .. 'forgotten') or '-1')
  local all = redis.call('HGETALL', revalidated)
  for i = 1, #all, 2 do
    local when = tonumber(all[i + 1])
    if at - when >= tonumber(ARGV[3]) then
      redis.call('HDEL', revalidated, all[i])
      if when > upTo then upTo = when end
    end
  end
  redis.call('SET', prefix .. 'forgotten', upTo)
end
return deleted
`;

/**
 * ARGV: prefix, page key's rest, then tags to check (the request's implicit tags). The
 * page's key, version and time, or nil when it is absent or one of the tags was revalidated
 * since it was stored. A page stored no later than a forgotten time (REVALIDATE) is served
 * only if it was stored with every tag asked (and so would have been deleted by any
 * revalidation of them).
 */
const READ_VERSION = `${PAGE_KEY}
local prefix = ARGV[1]
local key = pageKey(prefix, ARGV[2])
local found = redis.call('HMGET', key, 'v', 't')
if not found[1] then return false end
if #ARGV > 2 then
  local times = redis.call('HMGET', prefix .. 'revalidated', unpack(ARGV, 3))
  for _, at in ipairs(times) do
    if at and tonumber(at) >= tonumber(found[2]) then return false end
  end
  local forgotten = tonumber(redis.call('GET', prefix .. 'forgotten') or '-1')
  if tonumber(found[2]) <= forgotten then
    for i = 3, #ARGV do
      if redis.call('SISMEMBER', prefix .. 'tag:' .. ARGV[i], key) == 0 then return false end
    end
  end
end
return { key, found[1], found[2] }
`;

const CLIENT = Symbol.for("rollcall.page-cache.redis");

/**
 * @typedef {object} Connection
 * @property {any} client node-redis's
 * @property {Promise<unknown>} ready the first connection (or its failure)
 * @property {string} url
 * @property {Promise<unknown>} [firstWait]
 * @property {boolean} lost Redis was out of reach since the last new epoch
 */

/** @param {string} url @returns {Connection} */
function connect(url) {
  const client = createClient({
    url,
    // Fail at once while disconnected rather than queue: a queued store could reach Redis
    // long after the render it holds, past the race window.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: COMMAND_TIMEOUT_MS,
      reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 500),
    },
  });
  /** @type {Connection} */
  const found = { client, ready: Promise.resolve(), url, lost: false };
  let lastLogged = 0;
  client.on("error", (/** @type {Error} */ error) => {
    found.lost = true;
    // node-redis reconnects by itself; say so once a minute, not on every attempt.
    if (Date.now() - lastLogged < 60_000) return;
    lastLogged = Date.now();
    console.error(`Page cache: Redis (${redactUrl(url)}) is unreachable:`, error.message);
  });
  client.on("ready", () => {
    if (lastLogged) console.error(`Page cache: Redis (${redactUrl(url)}) is back.`);
    lastLogged = 0;
    if (found.lost) void newEpoch(found);
  });
  found.ready = client.connect().catch(() => undefined); // the error listener reports it
  return found;
}

/**
 * Makes every page stored so far unreadable, for every server: after Redis was out of reach,
 * or a revalidation failed, some of them may predate an edit. Tried until it is done.
 * @param {Connection} found
 */
async function newEpoch(found) {
  const prefix = keyPrefix();
  if (!prefix) {
    found.lost = false; // the page cache has not started: this server revalidated nothing
    return;
  }
  for (let attempt = 0; found.lost; attempt++) {
    try {
      await found.client
        .withAbortSignal(AbortSignal.timeout(COMMAND_TIMEOUT_MS))
        .incr(`${prefix}epoch`);
      found.lost = false;
      kept.clear();
      keptBytes = 0;
      console.error("Page cache: Redis was out of reach; the pages stored before are not served.");
    } catch (error) {
      warn("starting a new epoch", error);
      await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 1_000)));
    }
  }
}

/** One connection per server process, whichever copy of this module asks first. */
function connection() {
  const global = /** @type {Record<symbol, Connection | undefined>} */ (
    /** @type {unknown} */ (globalThis)
  );
  const url = process.env.REDIS_URL ?? "";
  let found = global[CLIENT];
  if (!found || found.url !== url) {
    if (found) void found.client.destroy();
    found = connect(url);
    global[CLIENT] = found;
  }
  return found;
}

/**
 * Waits for the first connection, a little, once: until then the client refuses commands (it
 * queues none, see connect()), and a server just started should not render what it could
 * read. Later, while Redis is away, commands fail at once.
 */
async function whenConnected() {
  const found = connection();
  if (found.client.isReady) return;
  found.firstWait ??= new Promise((resolve) => {
    const timer = setTimeout(resolve, COMMAND_TIMEOUT_MS);
    void found.ready.then(() => {
      clearTimeout(timer);
      resolve(undefined);
    });
  });
  await found.firstWait;
}

/** Closes this process's connection (tests, scripts). */
export async function closeRedisPageCache() {
  const global = /** @type {Record<symbol, Connection | undefined>} */ (
    /** @type {unknown} */ (globalThis)
  );
  const found = global[CLIENT];
  global[CLIENT] = undefined;
  if (found) await found.client.close().catch(() => found.client.destroy());
}

/**
 * Runs a script by its hash, sending it once when Redis does not know it yet.
 * @param {string} script @param {string} sha @param {(string | Buffer)[]} args
 */
async function runScript(script, sha, args) {
  await whenConnected();
  const bounded = connection().client.withAbortSignal(AbortSignal.timeout(COMMAND_TIMEOUT_MS));
  const options = { keys: [], arguments: args };
  try {
    return await bounded.evalSha(sha, options);
  } catch (error) {
    if (!String(/** @type {Error} */ (error)?.message).startsWith("NOSCRIPT")) throw error;
    return bounded.eval(script, options);
  }
}

/** The key prefix of this server's database, or null before it is known. */
function keyPrefix() {
  const namespace = pageCacheConfig()?.namespace;
  return namespace ? `rollcall:${namespace}:` : null;
}

const sha1 = (/** @type {string} */ s) => createHash("sha1").update(s).digest("hex");
const SHA = { store: sha1(STORE), revalidate: sha1(REVALIDATE), readVersion: sha1(READ_VERSION) };

/**
 * @typedef {{ key: string, version: string, bytes: number, entry: any }} Kept
 */

/** Entries this server read last, by build and cache key, least recently used first. */
const kept = /** @type {Map<string, Kept>} */ (new Map());
let keptBytes = 0;
const KEPT_LIMIT = 64 * 2 ** 20;

/** @param {string} key @param {Kept} item */
function keep(key, item) {
  const previous = kept.get(key);
  if (previous) {
    keptBytes -= previous.bytes;
    kept.delete(key);
  }
  kept.set(key, item);
  keptBytes += item.bytes;
  for (const [oldKey, old] of kept) {
    if (keptBytes <= KEPT_LIMIT || oldKey === key) break;
    kept.delete(oldKey);
    keptBytes -= old.bytes;
  }
}

/** @param {string} key */
function forget(key) {
  const previous = kept.get(key);
  if (previous) {
    keptBytes -= previous.bytes;
    kept.delete(key);
  }
}

/** @param {string | undefined} serverDistDir */
function buildIdOf(serverDistDir) {
  try {
    return fs.readFileSync(path.join(serverDistDir ?? "", "..", "BUILD_ID"), "utf8").trim();
  } catch {
    return "development";
  }
}

let warnedAt = 0;
/** @param {string} what @param {unknown} error */
function warn(what, error) {
  if (Date.now() - warnedAt < 60_000) return;
  warnedAt = Date.now();
  console.error(`Page cache: ${what} in Redis failed:`, /** @type {Error} */ (error)?.message);
}

export default class RedisCacheStore {
  /** @param {any} ctx Next's cache handler context */
  constructor(ctx) {
    this.buildId = buildIdOf(ctx?.serverDistDir);
    connection();
  }

  resetRequestCache() {}

  /** @param {string} key @param {any} ctx */
  async get(key, ctx) {
    const prefix = keyPrefix();
    // Until a new epoch hides what Redis kept while it was out of reach, nothing is read.
    if (!prefix || connection().lost) return null;
    const rest = `${this.buildId}:${key}`;
    try {
      const found = await runScript(READ_VERSION, SHA.readVersion, [
        prefix,
        rest,
        ...(ctx?.softTags ?? []).filter(Boolean),
      ]);
      if (!found) {
        forget(rest);
        return null;
      }
      const [pageKey = "", version] = /** @type {unknown[]} */ (found).map(String);
      const local = kept.get(rest);
      if (local && local.key === pageKey && local.version === version) {
        keep(rest, local);
        return local.entry;
      }
      const fields = /** @type {Record<string, Buffer>} */ (
        await connection()
          .client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer })
          .withAbortSignal(AbortSignal.timeout(COMMAND_TIMEOUT_MS))
          .hGetAll(pageKey)
      );
      if (!fields?.meta || !fields.v || !fields.t) return null;
      const meta = JSON.parse(fields.meta.toString("utf8"));
      const blobs = Array.from({ length: meta.blobs }, (_, i) => fields[`b${i}`]);
      if (blobs.some((b) => !b)) return null;
      const entry = {
        lastModified: Number(fields.t.toString()),
        cacheControl: meta.cacheControl,
        value: decodeValue(meta.value, /** @type {Buffer[]} */ (blobs)),
      };
      const bytes = blobs.reduce((sum, b) => sum + (b?.length ?? 0), fields.meta.length);
      keep(rest, { key: pageKey, version: fields.v.toString(), bytes, entry });
      return entry;
    } catch (error) {
      warn("reading a page", error);
      return null;
    }
  }

  /** @param {string} key @param {any} data @param {any} ctx */
  async set(key, data, ctx) {
    const prefix = keyPrefix();
    // Next stores null only for pages it has no cache for.
    if (!prefix || !data || connection().lost) return;
    const rest = `${this.buildId}:${key}`;
    const tags = tagsOf(data, ctx);
    const bound = boundOf(key);
    // The HTML as bytes, so it travels beside the JSON rather than inside it.
    const value =
      data.kind === "APP_PAGE" && typeof data.html === "string"
        ? { ...data, html: Buffer.from(data.html, "utf8") }
        : data;
    const { json, blobs } = encodeValue(value);
    // Its lifetime goes with it: a server that did not render the page would otherwise take it
    // for stale after a second, and render it again in the background on every read.
    const meta = JSON.stringify({
      blobs: blobs.length,
      tags,
      cacheControl: ctx?.cacheControl,
      value: json,
    });
    try {
      await runScript(STORE, SHA.store, [
        prefix,
        rest,
        String(RACE_WINDOW_MS),
        String(ENTRY_TTL_S),
        randomBytes(8).toString("hex"),
        meta,
        String(tags.length),
        String(bound.maxEntries),
        bound.queries ? "queries" : "index",
        ...tags,
        ...blobs,
      ]);
    } catch (error) {
      warn("storing a page", error);
    }
  }

  /**
   * Deletes the tags' pages for every server. When Redis cannot be reached the save stands
   * (it is in the database) and readers get fresh renders meanwhile; the pages Redis still
   * holds are left behind by a new epoch once it is back (see newEpoch).
   * @param {string | string[]} tags
   */
  async revalidateTag(tags) {
    const list = [tags].flat().filter(Boolean);
    const prefix = keyPrefix();
    if (list.length === 0 || !prefix) return;
    try {
      await runScript(REVALIDATE, SHA.revalidate, [
        prefix,
        String(KEPT_REVALIDATIONS),
        String(FORGET_AFTER_MS),
        ...list,
      ]);
    } catch (error) {
      const found = connection();
      found.lost = true;
      console.error(
        `Page cache: could not revalidate ${list.join(", ")} in Redis (${redactUrl(found.url)}); no page stored before now will be served once it answers:`,
        /** @type {Error} */ (error)?.message,
      );
      if (found.client.isReady) void newEpoch(found);
    }
  }
}
