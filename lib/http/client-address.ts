import { BlockList, isIP } from "node:net";

/**
 * Who is on the other end of a request, for the sign-in throttle. Next.js hands a route
 * handler or a server action no socket, and its own `X-Forwarded-For` is the client's header
 * when the client sent one (Next only fills it in when it is missing), so the server stamps
 * each request as it arrives (lib/http/peer-stamp.ts) with the socket's address and the
 * `X-Forwarded-For` exactly as received, in headers of its own that no client can set.
 */
export const PEER_HEADER = "x-rollcall-peer";
export const FORWARDED_FOR_HEADER = "x-rollcall-forwarded-for";

/**
 * Which `X-Forwarded-For` entries to believe (`TRUSTED_PROXIES`): none (the default, for a
 * server that clients reach directly), the last `hops` entries (as many proxies as stand in
 * front, each appending the address it saw), or those appended by the listed proxies.
 */
export type TrustedProxies =
  | { kind: "none" }
  | { kind: "hops"; hops: number }
  | { kind: "list"; list: BlockList; spec: string };

/** `""` or `"0"` → none; `"2"` → two hops; `"127.0.0.1, 10.0.0.0/8"` → a list; else null. */
export function parseTrustedProxies(value: string): TrustedProxies | null {
  const spec = value.trim();
  if (spec === "" || spec === "0") return { kind: "none" };
  if (/^\d+$/.test(spec)) {
    const hops = Number(spec);
    return hops <= 20 ? { kind: "hops", hops } : null;
  }
  const list = new BlockList();
  for (const item of spec.split(",").map((s) => s.trim())) {
    const [address, prefix, extra] = item.split("/");
    const family = isIP(address ?? "");
    if (!family || extra !== undefined) return null;
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) {
      list.addAddress(address!, type);
      continue;
    }
    const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!(bits >= 0 && bits <= (family === 4 ? 32 : 128))) return null;
    list.addSubnet(address!, bits, type);
  }
  return { kind: "list", list, spec };
}

/**
 * An address as written in a header or by the socket, or null when it is not one:
 * IPv4-mapped IPv6 becomes IPv4, brackets, zone ids and an IPv4 port are dropped.
 */
export function normalizeAddress(value: string | undefined | null): string | null {
  let a = (value ?? "").trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  a = a.replace(/%.*$/, "");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(a);
  if (mapped) a = mapped[1]!;
  const family = isIP(a);
  if (family === 4) return a;
  if (family === 6) return a.toLowerCase();
  return null;
}

function inList(list: BlockList, address: string) {
  return list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address: the socket's, or, through trusted proxies, the entry of
 * `X-Forwarded-For` that the outermost trusted proxy wrote. Entries to its left were written
 * by the client and are never believed. Null when the socket's address is unknown (a request
 * that did not come through the stamped server) or the trusted entry is not an address (a
 * proxy that does not append: see "Behind a proxy" in docs/operations.md).
 */
export function clientAddress(
  peer: string | null,
  forwardedFor: string | null,
  trust: TrustedProxies,
): string | null {
  const socket = normalizeAddress(peer);
  if (!socket || trust.kind === "none") return socket;
  const chain = [...(forwardedFor ?? "").split(",").map((s) => s.trim()), socket].filter(Boolean);
  if (trust.kind === "hops") {
    // Fewer entries than proxies: the request did not pass through them all.
    const at = chain.length - 1 - trust.hops;
    return at >= 0 ? normalizeAddress(chain[at]) : normalizeAddress(chain[0]);
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const address = normalizeAddress(chain[i]);
    if (!address) return null;
    if (i === 0 || !inList(trust.list, address)) return address;
  }
  return socket;
}

/**
 * The key the throttle counts an address under: an IPv6 address by its /64, the block a
 * single subscriber usually holds, so that walking through it does not reset the count.
 */
export function throttleAddressKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head, tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail !== undefined && tail ? tail.split(":") : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
