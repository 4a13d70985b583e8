import "server-only";
import { cache } from "react";
import { pageCacheConfig } from "@/lib/cache/page-cache.mjs";
import { settledRevision } from "@/lib/database";
import { db } from "@/lib/db";

/**
 * Which state the database's data is in, or null when that cannot be told just now. Read once
 * per request.
 *
 * Every change records its revision in the transaction that makes it (lib/data/revisions.ts),
 * so the latest revision's number moves with every committed change. The number alone could
 * come back after a restore puts older contents in place; with it goes the page cache's
 * namespace, the database's identity read when the server started (a restore, done with the
 * server stopped, renews it). Two reads under the same generation read the same data, so what
 * is computed from it can be kept under it (lib/cache/generation-memo.ts) with nothing to
 * invalidate: a change from any instance, a script or the seed makes a new generation.
 * Null before the identity is known, and while a PostgreSQL write is open, when the latest
 * number may not be the latest commit (`settledRevision` in lib/database.ts).
 */
export const getDataGeneration = cache(async (): Promise<string | null> => {
  const namespace = pageCacheConfig()?.namespace;
  if (!namespace) return null;
  const latest = await settledRevision(db);
  return latest === null ? null : `${namespace}:${latest}`;
});
