// @ts-check
/**
 * The page cache's storage in Redis, for several servers (REDIS_URL; see
 * page-cache-handler.mjs): a backend with Next's cache handler interface, wrapped by
 * page-cache.mjs like Next's file-system cache is.
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
 *   page:<build id>:<cache key>  a hash: `v` (a random version), `t` (when it was stored), `meta`
 *                                (JSON) and the entry's byte strings b0, b1, … (HTML, RSC
 *                                payload, segments); a new build never serves an old build's
 *                                pages, whose assets it does not have
 *   tag:<tag>                    the set of page keys stored with that tag, of any build
 *   revalidated                  a hash: tag → when it was last revalidated (ms, Redis's clock)
 *
 * A server keeps the pages it read last (bounded), and asks Redis only for a page's version
 * and time when it has that version already: a cached page costs one short round trip, not its
 * bytes. When Redis cannot be reached a page is rendered rather than served, nothing is
 * stored, and a revalidation fails loudly (after retrying: the editor is told) and is made
 * again first thing when Redis is back, before the pages it kept from before the edit could
 * be served again.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { RESP_TYPES, createClient } from "@redis/client";
import { redactUrl } from "../database-url.mjs";
import { RACE_WINDOW_MS, pageCacheConfig } from "./page-cache.mjs";

const CACHE_TAGS_HEADER = "x-next-cache-tags";
/** Redis forgets a page not stored again for this long (an old build's, say). */
const ENTRY_TTL_S = 30 * 24 * 3600;
/** A read or a store that takes longer is given up: the page is rendered, or not stored. */
const COMMAND_TIMEOUT_MS = 2_000;
/** How long a revalidation keeps trying before the save's answer says it failed. */
const REVALIDATE_RETRY_MS = 10_000;

/**
 * KEYS: entry key, revalidated hash. ARGV: window ms, ttl s, version, meta JSON, tag key
 * prefix, then n, n tags, then the byte fields. Returns the stored time, or false when refused.
 */
const STORE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
local n = tonumber(ARGV[6])
for i = 1, n do
  local at = tonumber(redis.call('HGET', KEYS[2], ARGV[6 + i]) or '-1')
  if at >= 0 and now - at < window then return false end
end
redis.call('DEL', KEYS[1])
local fields = { 'v', ARGV[3], 't', now, 'meta', ARGV[4] }
for i = 7 + n, #ARGV do
  fields[#fields + 1] = 'b' .. (i - 7 - n)
  fields[#fields + 1] = ARGV[i]
end
redis.call('HSET', KEYS[1], unpack(fields))
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2]))
for i = 1, n do
  local tagKey = ARGV[5] .. ARGV[6 + i]
  redis.call('SADD', tagKey, KEYS[1])
  redis.call('EXPIRE', tagKey, tonumber(ARGV[2]))
end
return now
`;

/** KEYS: revalidated hash. ARGV: tag key prefix, tags. Deletes their pages; returns how many. */
const REVALIDATE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local deleted = 0
for i = 2, #ARGV do
  redis.call('HSET', KEYS[1], ARGV[i], now)
  local tagKey = ARGV[1] .. ARGV[i]
  local pages = redis.call('SMEMBERS', tagKey)
  for _, page in ipairs(pages) do deleted = deleted + redis.call('DEL', page) end
  redis.call('DEL', tagKey)
end
return deleted
`;

/**
 * KEYS: entry key, revalidated hash. ARGV: tags to check (the request's implicit tags). The
 * entry's version and time, or nil when it is absent or one of the tags was revalidated since.
 */
const READ_VERSION = `
local found = redis.call('HMGET', KEYS[1], 'v', 't')
if not found[1] then return false end
if #ARGV == 0 then return found end
local times = redis.call('HMGET', KEYS[2], unpack(ARGV))
for _, at in ipairs(times) do
  if at and tonumber(at) >= tonumber(found[2]) then return false end
end
return found
`;

const CLIENT = Symbol.for("rollcall.page-cache.redis");

/**
 * Revalidations that could not reach Redis, by key prefix: made first thing when it is back,
 * so the pages it kept from before the edit go as soon as they could be served again.
 */
const unrevalidated = /** @type {Map<string, Set<string>>} */ (new Map());

/** @param {any} client */
async function retryRevalidations(client) {
  for (const [prefix, tags] of unrevalidated) {
    const list = [...tags];
    try {
      await runScript(client, REVALIDATE, SHA.revalidate, {
        keys: [`${prefix}revalidated`],
        arguments: [`${prefix}tag:`, ...list],
      });
      for (const tag of list) tags.delete(tag);
      if (tags.size === 0) unrevalidated.delete(prefix);
      console.error(`Page cache: revalidated ${list.join(", ")} now that Redis is back.`);
    } catch (error) {
      warn("revalidating again", error);
    }
  }
}

/**
 * @typedef {ReturnType<typeof connect>} Connection
 * @returns {{ client: import("@redis/client").RedisClientType, ready: Promise<unknown>, url: string, firstWait?: Promise<unknown> }}
 */
function connect(url = process.env.REDIS_URL ?? "") {
  const client = createClient({
    url,
    // Fail at once while disconnected rather than queue: a queued store could reach Redis
    // long after the render it holds, past the race window.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: COMMAND_TIMEOUT_MS,
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000),
    },
  });
  let lastLogged = 0;
  client.on("error", (/** @type {Error} */ error) => {
    // node-redis reconnects by itself; say so once a minute, not on every attempt.
    if (Date.now() - lastLogged < 60_000) return;
    lastLogged = Date.now();
    console.error(`Page cache: Redis (${redactUrl(url)}) is unreachable:`, error.message);
  });
  client.on("ready", () => {
    if (lastLogged) console.error(`Page cache: Redis (${redactUrl(url)}) is back.`);
    lastLogged = 0;
    void retryRevalidations(client);
  });
  const ready = client.connect().catch(() => undefined); // the error listener reports it
  return { client: /** @type {any} */ (client), ready, url };
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
 * @param {any} client @param {string} script @param {string} sha
 * @param {{ keys: string[], arguments: (string | Buffer)[] }} options
 */
async function runScript(client, script, sha, options) {
  await whenConnected();
  const signal = AbortSignal.timeout(COMMAND_TIMEOUT_MS);
  const bounded = client.withAbortSignal(signal);
  try {
    return await bounded.evalSha(sha, options);
  } catch (error) {
    if (!String(/** @type {Error} */ (error)?.message).startsWith("NOSCRIPT")) throw error;
    return bounded.eval(script, options);
  }
}

const sha1 = (/** @type {string} */ s) => createHash("sha1").update(s).digest("hex");
const SHA = { store: sha1(STORE), revalidate: sha1(REVALIDATE), readVersion: sha1(READ_VERSION) };

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
function tagsOf(value, ctx) {
  const fromHeader = String(value?.headers?.[CACHE_TAGS_HEADER] ?? "").split(",");
  const tags = [...fromHeader, ...(ctx?.tags ?? [])].filter(Boolean);
  return [...new Set(tags)];
}

/**
 * @typedef {{ version: string, bytes: number, entry: any }} Kept
 */

/** Entries this server read last, by Redis key, least recently used first. */
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
    this.connection = connection();
  }

  resetRequestCache() {}

  /** The key prefix of this server's database, or null before it is known. */
  prefix() {
    const namespace = pageCacheConfig()?.namespace;
    return namespace ? `rollcall:${namespace}:` : null;
  }

  /** @param {string} key @param {any} ctx */
  async get(key, ctx) {
    const prefix = this.prefix();
    if (!prefix) return null;
    const entryKey = `${prefix}page:${this.buildId}:${key}`;
    const { client } = this.connection;
    try {
      const found = await runScript(client, READ_VERSION, SHA.readVersion, {
        keys: [entryKey, `${prefix}revalidated`],
        arguments: (ctx?.softTags ?? []).filter(Boolean),
      });
      if (!found) {
        forget(entryKey);
        return null;
      }
      const version = String(found[0]);
      const local = kept.get(entryKey);
      if (local?.version === version) {
        keep(entryKey, local);
        return local.entry;
      }
      await whenConnected();
      const fields = /** @type {Record<string, Buffer>} */ (
        await client
          .withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer })
          .withAbortSignal(AbortSignal.timeout(COMMAND_TIMEOUT_MS))
          .hGetAll(entryKey)
      );
      if (!fields?.meta || !fields.v || !fields.t) return null;
      const meta = JSON.parse(fields.meta.toString("utf8"));
      const blobs = Array.from({ length: meta.blobs }, (_, i) => fields[`b${i}`]);
      if (blobs.some((b) => !b)) return null;
      const entry = {
        lastModified: Number(fields.t.toString()),
        value: decodeValue(meta.value, /** @type {Buffer[]} */ (blobs)),
      };
      const bytes = blobs.reduce((sum, b) => sum + (b?.length ?? 0), fields.meta.length);
      keep(entryKey, { version: fields.v.toString(), bytes, entry });
      return entry;
    } catch (error) {
      warn("reading a page", error);
      return null;
    }
  }

  /** @param {string} key @param {any} data @param {any} ctx */
  async set(key, data, ctx) {
    const prefix = this.prefix();
    if (!prefix) return;
    const entryKey = `${prefix}page:${this.buildId}:${key}`;
    const { client } = this.connection;
    if (!data) {
      forget(entryKey);
      await client.del(entryKey).catch((/** @type {unknown} */ e) => warn("deleting a page", e));
      return;
    }
    const tags = tagsOf(data, ctx);
    // The HTML as bytes, so it travels beside the JSON rather than inside it.
    const value =
      data.kind === "APP_PAGE" && typeof data.html === "string"
        ? { ...data, html: Buffer.from(data.html, "utf8") }
        : data;
    const { json, blobs } = encodeValue(value);
    const meta = JSON.stringify({ blobs: blobs.length, tags, value: json });
    try {
      await runScript(client, STORE, SHA.store, {
        keys: [entryKey, `${prefix}revalidated`],
        arguments: [
          String(RACE_WINDOW_MS),
          String(ENTRY_TTL_S),
          randomBytes(8).toString("hex"),
          meta,
          `${prefix}tag:`,
          String(tags.length),
          ...tags,
          ...blobs,
        ],
      });
    } catch (error) {
      warn("storing a page", error);
    }
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    const list = [tags].flat().filter(Boolean);
    const prefix = this.prefix();
    if (list.length === 0 || !prefix) return;
    const { client } = this.connection;
    const deadline = Date.now() + REVALIDATE_RETRY_MS;
    for (let attempt = 0; ; attempt++) {
      try {
        await runScript(client, REVALIDATE, SHA.revalidate, {
          keys: [`${prefix}revalidated`],
          arguments: [`${prefix}tag:`, ...list],
        });
        return;
      } catch (error) {
        if (Date.now() >= deadline) {
          const pending = unrevalidated.get(prefix) ?? new Set();
          for (const tag of list) pending.add(tag);
          unrevalidated.set(prefix, pending);
          throw new Error(
            `Page cache: could not revalidate ${list.join(", ")} in Redis (${redactUrl(this.connection.url)}): the servers render pages while Redis is away, and this server revalidates them when it is back, unless it stops first.`,
            { cause: error },
          );
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 1_000)));
      }
    }
  }
}
