import "server-only";
import { env } from "@/lib/env";
import { FORWARDED_FOR_HEADER, PEER_HEADER, clientAddress } from "@/lib/http/client-address";

let warned = false;

/**
 * The client's address for the sign-in throttle: the socket's, or through the proxies
 * TRUSTED_PROXIES names (see lib/http/client-address.ts). "unknown" when the server did not
 * stamp the request (it always does under `next start` and `next dev`), logged once.
 */
export function requestClientAddress(headers: Headers): string {
  const address = clientAddress(
    headers.get(PEER_HEADER),
    headers.get(FORWARDED_FOR_HEADER),
    env.TRUSTED_PROXIES,
  );
  if (address) return address;
  if (!warned) {
    warned = true;
    console.warn(
      headers.get(PEER_HEADER)
        ? `The X-Forwarded-For entry TRUSTED_PROXIES points at is not an address (${headers.get(FORWARDED_FOR_HEADER)?.slice(0, 200)}): does every proxy in front append to it? Sign-ins from such requests share one throttle.`
        : "A sign-in request carries no socket address (instrumentation.ts did not run?): such sign-ins share one throttle.",
    );
  }
  return "unknown";
}
