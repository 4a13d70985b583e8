import dns from "node:dns";
import type { LookupAddress, LookupOptions } from "node:dns";
import ipaddr from "ipaddr.js";
import { FetchRefusal } from "./refusal";

/**
 * Which addresses the fetcher may connect to. Only ipaddr.js's "unicast" range is public: it
 * names loopback, private (10/8, 172.16/12, 192.168/16), link-local (169.254/16, where cloud
 * metadata answers, and fe80::/10), unique-local (fc00::/7), carrier-grade NAT (100.64/10),
 * multicast, broadcast, unspecified and the reserved ranges as such. An IPv4 address written
 * as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6") {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) parsed = v6.toIPv4Address();
    // The deprecated IPv4-compatible form (::a.b.c.d, so ::127.0.0.1) is in none of ipaddr.js's
    // ranges, so it would read as public: nothing public lives in ::/96.
    else if (v6.parts.slice(0, 6).every((part) => part === 0)) return false;
  }
  return parsed.range() === "unicast";
}

/** The address as a host name has it in a URL: IPv6 without its brackets. */
export const bareHost = (hostname: string) => hostname.replace(/^\[(.*)\]$/, "$1");

/** An address as a person reads it: an IPv4 address written as IPv6 as the IPv4 one. */
function readable(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.parse(address);
  return parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()
    ? (parsed as ipaddr.IPv6).toIPv4Address().toString()
    : address;
}

export function privateAddressRefusal(host: string, address: string): FetchRefusal {
  const named = bareHost(host) === address ? readable(address) : `${host} (${readable(address)})`;
  return new FetchRefusal(
    "private-address",
    `${named} is a private, local or reserved network address; Rollcall fetches public web pages only.`,
  );
}

/**
 * "host:port" pairs the fetcher may reach though their addresses are not public: the tests'
 * local pages (SOURCE_FETCH_ALLOW_HOSTS). Host names are compared in lower case, IPv6 in
 * brackets as a URL writes them ("[::1]:8080").
 */
export type AllowedHosts = ReadonlySet<string>;

export function parseAllowedHosts(value: string | undefined): AllowedHosts {
  return new Set(
    (value ?? "")
      .split(",")
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );
}

/** The URL's "host:port" with the scheme's default port written out, as the allow-list has it. */
export function hostAndPort(url: URL): string {
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return `${url.hostname.toLowerCase()}:${port}`;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** dns.lookup's shape, for stubbing in tests. */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolve: Resolve = (hostname) =>
  dns.promises.lookup(hostname, { all: true, verbatim: true });

/**
 * A `lookup` for http.request that resolves the name, refuses it when any of its addresses is
 * not public, and hands the socket the addresses it checked. The connection goes to exactly
 * what was checked, so a name that answers a public address to a check and a private one to
 * the connection (DNS rebinding) gets no second answer to give.
 */
export function guardedLookup(resolve: Resolve = systemResolve) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    resolve(hostname).then(
      (found) => {
        const wanted = options.family ? found.filter((a) => a.family === options.family) : found;
        if (wanted.length === 0) {
          const error: NodeJS.ErrnoException = new Error(`No address found for ${hostname}.`);
          error.code = "ENOTFOUND";
          return callback(error, "");
        }
        const refused = wanted.find((a) => !isPublicAddress(a.address));
        if (refused) return callback(privateAddressRefusal(hostname, refused.address), "");
        if (options.all) return callback(null, wanted);
        callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ""),
    );
  };
}
