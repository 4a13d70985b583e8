import { describe, expect, it } from "vitest";
import {
  clientAddress,
  parseTrustedProxies,
  throttleAddressKey,
  type TrustedProxies,
} from "@/lib/http/client-address";

const trust = (spec: string) => parseTrustedProxies(spec) as TrustedProxies;

describe("the client's address for the sign-in throttle", () => {
  it("is the socket's by default, whatever X-Forwarded-For says", () => {
    for (const forwarded of [null, "203.0.113.9", "1.1.1.1, 2.2.2.2", "garbage", ""]) {
      expect(clientAddress("::ffff:192.0.2.10", forwarded, trust(""))).toBe("192.0.2.10");
    }
    expect(clientAddress("2001:DB8::1", "203.0.113.9", trust("0"))).toBe("2001:db8::1");
    expect(clientAddress(null, "203.0.113.9", trust(""))).toBeNull();
  });

  it("behind N proxies, is the entry the outermost one appended; what the client wrote is ignored", () => {
    // nginx appends the address it saw: "<client's own header>, <client>"; the socket is nginx.
    expect(clientAddress("127.0.0.1", "203.0.113.9", trust("1"))).toBe("203.0.113.9");
    expect(clientAddress("127.0.0.1", "6.6.6.6, 203.0.113.9", trust("1"))).toBe("203.0.113.9");
    expect(clientAddress("127.0.0.1", "garbage, 203.0.113.9", trust("1"))).toBe("203.0.113.9");
    expect(clientAddress("10.0.0.2", "6.6.6.6, 203.0.113.9, 10.0.0.1", trust("2"))).toBe(
      "203.0.113.9",
    );
    // Straight to the server, past the proxy: no header, so the socket.
    expect(clientAddress("198.51.100.4", null, trust("1"))).toBe("198.51.100.4");
    // A proxy that wrote something other than an address: unknown, not the client's word.
    expect(clientAddress("127.0.0.1", "1.1.1.1, garbage", trust("1"))).toBeNull();
  });

  it("with a list, skips the listed proxies from the right", () => {
    const list = trust("127.0.0.1, 10.0.0.0/8, ::1");
    expect(clientAddress("127.0.0.1", "6.6.6.6, 203.0.113.9, 10.1.2.3", list)).toBe("203.0.113.9");
    // A socket not on the list is the client, whatever it claims.
    expect(clientAddress("198.51.100.4", "203.0.113.9", list)).toBe("198.51.100.4");
    expect(clientAddress("::1", "[2001:db8::5]:4711", list)).toBe("2001:db8::5");
  });

  it("refuses a TRUSTED_PROXIES it cannot read", () => {
    for (const bad of ["yes", "1.2.3", "10.0.0.0/33", "::1/129", "1, 2", "99"]) {
      expect(parseTrustedProxies(bad), bad).toBeNull();
    }
    expect(parseTrustedProxies(" 2 ")).toEqual({ kind: "hops", hops: 2 });
  });

  it("counts an IPv6 address by its /64, so walking through it changes nothing", () => {
    expect(throttleAddressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(throttleAddressKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(throttleAddressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(throttleAddressKey("::1")).toBe("0:0:0:0::/64");
    expect(throttleAddressKey("203.0.113.9")).toBe("203.0.113.9");
  });
});
