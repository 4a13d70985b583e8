import "server-only";
import os from "node:os";
import { env, siteUrl } from "@/lib/env";

/**
 * The addresses a development server answers on, as `next dev` prints them: localhost, the
 * loopback addresses and this machine's network addresses (any port: `next dev -p` is not
 * seen here).
 */
function devHostnames(): Set<string> {
  const names = new Set(["localhost", "127.0.0.1", "[::1]"]);
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const a of addresses ?? []) names.add(a.family === "IPv6" ? `[${a.address}]` : a.address);
  }
  return names;
}

/**
 * Whether sign-in may come from `origin`: the site's configured address (BETTER_AUTH_URL),
 * or in development any address the dev server answers on.
 */
export function isSiteOrigin(origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin === new URL(siteUrl()).origin) return true;
  return env.NODE_ENV === "development" && devHostnames().has(url.hostname);
}

/** Whether a page opened with this Host header is on the site's address (see isSiteOrigin). */
export function isSiteHost(host: string | null): boolean {
  if (!host) return true;
  if (host === new URL(siteUrl()).host) return true;
  return env.NODE_ENV === "development" && isSiteOrigin(`http://${host}`);
}

/** What the sign-in form says when it was opened at another address. */
export function wrongAddressMessage(): string {
  const site = siteUrl();
  return (
    `Sign-in works only at this site's address, ${site}. Open ${site}/sign-in, or ask ` +
    "whoever runs the site to set BETTER_AUTH_URL to the address editors use."
  );
}

let warned = false;

/** Logs, once per process, that sign-in was tried at an address it cannot work at. */
export function warnWrongAddress(opened: string) {
  if (warned) return;
  warned = true;
  console.warn(
    `Sign-in was opened at ${opened.slice(0, 200)}, but the site's address (BETTER_AUTH_URL) is ` +
      `${siteUrl()}: sign-in is refused there. Set BETTER_AUTH_URL to the public address of ` +
      "the site. (Logged once.)",
  );
}
