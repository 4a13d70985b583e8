// @ts-check
/**
 * The page cache (page-cache.mjs) on Redis, for several servers: see redis-cache-store.mjs.
 * The guard around edits keeps this server's own revalidation times too (the default), and the
 * store refuses, in the same Lua script that would store it, a page whose tag any server
 * revalidated within the window: checked and stored in one step, with Redis's clock.
 */
import { createPageCacheHandler } from "./page-cache.mjs";
import RedisCacheStore from "./redis-cache-store.mjs";

export default createPageCacheHandler(RedisCacheStore);
