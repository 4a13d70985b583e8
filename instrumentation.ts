/** Runs once when a server starts, before it answers requests. */
export async function register() {
  // `next build` prerenders without a database; the edge runtime has no page cache.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build")
    return;
  const { startPageCache } = await import("./lib/cache/start-page-cache");
  await startPageCache();
}
