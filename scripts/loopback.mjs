/**
 * Where the test and benchmark servers listen: the loopback by its name, `next start -H
 * localhost`, never by an address such as 127.0.0.1 or ::1. Given a loopback address, Next
 * takes proxy.ts's rewrites (a reader's search, a day, an embed) for another site's and
 * proxies them to itself over HTTP: a second request for each, a keep-alive connection that
 * can be reset under it, and a 500 behind a proxy that terminates TLS (docs/operations.md,
 * "Listening address"). tests/reliability/page-cache.spec.ts fails when that comes back.
 */
import dns from "node:dns";

export const LOOPBACK_HOST = "localhost";

/**
 * The one address the name resolves to first, which is where Node listens for it, and the
 * address a client that connects by the name comes from.
 * @returns {Promise<string>}
 */
export async function loopbackIp() {
  return (await dns.promises.lookup(LOOPBACK_HOST)).address;
}

/**
 * The same, as the host of an address (IPv6 in brackets): for what connects by address rather
 * than by name (nginx's upstreams).
 * @returns {Promise<string>}
 */
export async function loopbackAddress() {
  const ip = await loopbackIp();
  return ip.includes(":") ? `[${ip}]` : ip;
}
