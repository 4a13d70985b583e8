export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // The sign-in throttle needs the socket's address, which Next.js does not pass on.
    const { stampPeerAddresses } = await import("./lib/http/peer-stamp");
    stampPeerAddresses();
  }
}
