// @ts-check
/** The page cache (page-cache.mjs) on Redis, for several servers: see redis-cache-store.mjs. */
import { createPageCacheHandler } from "./page-cache.mjs";
import RedisCacheStore from "./redis-cache-store.mjs";

export default createPageCacheHandler(RedisCacheStore);
