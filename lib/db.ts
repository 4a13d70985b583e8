import "server-only";
import { createPrismaClient } from "./sqlite";

// One client per server process; kept on globalThis so dev-mode reloads don't open more.
const globalForDb = globalThis as unknown as { rollcallDb?: ReturnType<typeof createPrismaClient> };

export const db = globalForDb.rollcallDb ?? createPrismaClient();

if (process.env.NODE_ENV !== "production") globalForDb.rollcallDb = db;
