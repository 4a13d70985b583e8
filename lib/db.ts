import "server-only";
import { createBulkReader, createPrismaClient } from "./database";

// One client per server process; kept on globalThis so dev-mode reloads don't open more.
const globalForDb = globalThis as unknown as {
  rollcallDb?: ReturnType<typeof createPrismaClient>;
  rollcallBulk?: ReturnType<typeof createBulkReader>;
};

export const db = globalForDb.rollcallDb ?? createPrismaClient();

/** Reads of many rows, for the exports (see BulkReader). */
export const bulk = globalForDb.rollcallBulk ?? createBulkReader();

export { isDatabaseBusyError } from "./database";

if (process.env.NODE_ENV !== "production") {
  globalForDb.rollcallDb = db;
  globalForDb.rollcallBulk = bulk;
}
