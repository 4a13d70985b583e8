const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

const first = (header: string | null) => header?.split(",")[0]?.trim() || null;

/**
 * The origin the client asked for, for absolute links in a response. Next builds
 * `request.url` from the address the server listens on (e.g. `http://localhost:3000`), not
 * the address the reader used, so this reads the Host header, or X-Forwarded-Host and
 * X-Forwarded-Proto behind a proxy. A forged header only changes the forger's own response
 * (exports are never cached); a malformed one falls back to `request.url`.
 */
export function requestOrigin(request: Request): string {
  const fallback = new URL(request.url);
  const host = first(request.headers.get("x-forwarded-host")) ?? request.headers.get("host");
  if (!host || !HOST.test(host)) return fallback.origin;
  const proto = first(request.headers.get("x-forwarded-proto"));
  const protocol = proto === "https" || proto === "http" ? proto : fallback.protocol.slice(0, -1);
  return `${protocol}://${host}`;
}
