// @ts-check
/**
 * What next.config.js wires in as `cacheHandler`: the page cache on Redis when REDIS_URL is
 * set, for several servers sharing one cache (redis-page-cache-handler.mjs), and on files
 * under the build otherwise (file-page-cache-handler.mjs). Chosen when the server starts, not
 * when it is built, so one build runs either way.
 */
import FilePageCacheHandler from "./file-page-cache-handler.mjs";
import RedisPageCacheHandler from "./redis-page-cache-handler.mjs";

export default process.env.REDIS_URL ? RedisPageCacheHandler : FilePageCacheHandler;
