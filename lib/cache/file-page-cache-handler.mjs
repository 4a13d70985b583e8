// @ts-check
/**
 * The page cache (page-cache.mjs) on one server's file system, under the build: see
 * file-page-store.mjs.
 */
import FilePageStore from "./file-page-store.mjs";
import { createPageCacheHandler } from "./page-cache.mjs";

export default createPageCacheHandler(FilePageStore);
