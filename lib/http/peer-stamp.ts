import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { FORWARDED_FOR_HEADER, PEER_HEADER } from "./client-address";

let stamping = false;

/**
 * Stamps every request this process's HTTP server receives, before Next.js sees it, with
 * the socket's address and the `X-Forwarded-For` it arrived with (see client-address.ts).
 * Node publishes `http.server.request.start` synchronously, before the server's `request`
 * handler runs; whatever a client sent under the same names is overwritten or removed.
 */
export function stampPeerAddresses() {
  if (stamping) return;
  stamping = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_HEADER] = socket.remoteAddress ?? "";
    const forwarded = request.headers["x-forwarded-for"];
    if (forwarded === undefined) delete request.headers[FORWARDED_FOR_HEADER];
    else request.headers[FORWARDED_FOR_HEADER] = [forwarded].flat().join(", ");
  });
}
