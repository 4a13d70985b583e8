import "server-only";
import { db } from "@/lib/db";
import { ensureDatabaseIdentity, pageCacheNamespace } from "@/lib/data/database-identity";
import { env, pageCacheControl } from "@/lib/env";
import { databaseLocation } from "@/lib/database";
import { redactUrl } from "@/lib/database-url.mjs";
import { configurePageCache } from "./page-cache.mjs";
import { listenForRequests } from "./request-context.mjs";

/**
 * Run once when the server starts (instrumentation.ts): reads which database this is and lets
 * the page cache serve the pages rendered from it. Until then, and if the database cannot be
 * read, the page cache stores and serves nothing: every page is rendered, none is wrong.
 */
export async function startPageCache() {
  listenForRequests();
  const cacheControl = pageCacheControl(); // a bad setting stops the server here, with its reason
  try {
    const identity = await ensureDatabaseIdentity(db);
    configurePageCache({
      namespace: pageCacheNamespace(identity, databaseLocation()),
      cacheControl,
      maxEntries: env.PAGE_CACHE_MAX_ENTRIES,
      maxBytes: env.PAGE_CACHE_MAX_MB * 2 ** 20,
    });
    if (env.REDIS_URL) console.log(`Page cache: in Redis at ${redactUrl(env.REDIS_URL)}.`);
  } catch (error) {
    console.error(
      "The page cache is off: the database's identity could not be read (are its migrations applied? `npm run db:deploy`).",
      error,
    );
  }
}
