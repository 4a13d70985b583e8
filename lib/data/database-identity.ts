/**
 * Which database this is, for the page cache: a random value in the database's one
 * DatabaseIdentity row. It is written when the database is first prepared (or, failing that,
 * when a server first opens it) and renewed by `npm run db:restore`, so a page rendered from
 * one database is never served from another, nor from the same file after a restore put older
 * contents back (lib/cache/page-cache.mjs keeps only pages stamped with the current value).
 * Takes the Prisma client as a parameter so command-line scripts can use it.
 */
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";

const ROW = 1;

const newValue = () => randomBytes(16).toString("hex");

/** The database's identity, written first if it has none. */
export async function ensureDatabaseIdentity(db: PrismaClient): Promise<string> {
  const found = await db.databaseIdentity.findUnique({ where: { id: ROW } });
  if (found) return found.value;
  // Two processes opening a new database at once: the first write wins, both read it.
  try {
    await db.databaseIdentity.create({ data: { id: ROW, value: newValue() } });
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
  }
  const row = await db.databaseIdentity.findUniqueOrThrow({ where: { id: ROW } });
  return row.value;
}

/** Gives the database a new identity: pages cached from what it held before are not served. */
export async function renewDatabaseIdentity(db: PrismaClient): Promise<string> {
  const value = newValue();
  await db.databaseIdentity.upsert({
    where: { id: ROW },
    create: { id: ROW, value },
    update: { value, createdAt: new Date() },
  });
  return value;
}

/**
 * The page cache's namespace: the identity and where the database is. A copy of a database
 * file carries its identity along; at another location it still gets a namespace of its own.
 */
export function pageCacheNamespace(identity: string, location: string): string {
  return createHash("sha256").update(`${identity}\0${location}`).digest("hex").slice(0, 32);
}
