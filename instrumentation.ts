/** Runs once when a server starts, before it answers requests. */
export async function register() {
  // The edge runtime has neither sockets to stamp nor a page cache.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The sign-in throttle needs the socket's address, which Next.js does not pass on.
  const { stampPeerAddresses } = await import("./lib/http/peer-stamp");
  stampPeerAddresses();
  // `next build` prerenders without a database.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServer } = await import("./lib/server-start");
  await startServer();
}
