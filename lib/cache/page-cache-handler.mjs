// @ts-check
/**
 * What next.config.js wires in as `cacheHandler`: the page cache on Redis when REDIS_URL is
 * set, for several servers sharing one cache (redis-page-cache-handler.mjs), and on Next's
 * file-system cache under .next otherwise (file-system-page-cache-handler.mjs). Chosen when
 * the server starts, not when it is built, so one build runs either way.
 */
import FileSystemPageCacheHandler from "./file-system-page-cache-handler.mjs";
import RedisPageCacheHandler from "./redis-page-cache-handler.mjs";

export default process.env.REDIS_URL ? RedisPageCacheHandler : FileSystemPageCacheHandler;
