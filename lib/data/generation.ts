import "server-only";
import { cache } from "react";
import { pageCacheConfig } from "@/lib/cache/page-cache.mjs";
import type { Generation } from "@/lib/cache/generation-memo";
import { db } from "@/lib/db";

/**
 * Which state the database's data is in, or null before the server knows its database. Read
 * once per request.
 *
 * Every change records its revision in the transaction that makes it (lib/data/revisions.ts),
 * and write transactions run one at a time: SQLite has one writer, and on PostgreSQL each
 * takes the same advisory lock first, held until it ends (`withSerialWrites` in
 * lib/postgres.ts). So revisions are numbered in the order their changes commit, and the latest
 * number names what a read sees: no change is committed without moving it, none is numbered
 * below it while still open. The number alone could come back after a restore puts older
 * contents in place; with it goes the page cache's namespace, the database's identity read
 * when the server started (a restore, done with the server stopped, renews it).
 *
 * What is computed from the data can be kept under its generation
 * (lib/cache/generation-memo.ts) with nothing to invalidate: a save through any instance, or a
 * script of the data layer, makes a new one.
 */
export const getDataGeneration = cache(async (): Promise<Generation | null> => {
  const namespace = pageCacheConfig()?.namespace;
  if (!namespace) return null;
  // An aggregate, not findFirst: the same index read, for less of the client's CPU on every
  // request (docs/benchmark.md).
  const { _max } = await db.revision.aggregate({ _max: { id: true } });
  return { namespace, revision: _max.id ?? 0 };
});
