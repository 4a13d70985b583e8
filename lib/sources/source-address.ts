/**
 * The key under which two addresses of a source count as the same page: the scheme, a leading
 * `www.`, the default port, a trailing slash, the fragment and tracking parameters (utm_*,
 * fbclid, gclid and their kin) do not tell pages apart; the remaining query parameters are
 * sorted. Host names are case-insensitive; paths are kept as written. An address that does
 * not parse is its own key, trimmed.
 */
const TRACKING = new Set([
  "fbclid",
  "gclid",
  "dclid",
  "gbraid",
  "wbraid",
  "msclkid",
  "yclid",
  "igshid",
  "mc_cid",
  "mc_eid",
  "_ga",
  "_gl",
  "mkt_tok",
  "oly_anon_id",
  "oly_enc_id",
  "rb_clickid",
  "s_cid",
  "vero_id",
  "wickedid",
  "twclid",
  "ttclid",
  "li_fat_id",
]);

const isTracking = (name: string) => {
  const lower = name.toLowerCase();
  return lower.startsWith("utm_") || TRACKING.has(lower);
};

export function sourceAddressKey(address: string): string {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return address.trim();
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, "");
  const port = url.port ? `:${url.port}` : "";
  const path = url.pathname.replace(/\/+$/, "");
  const params = [...url.searchParams.entries()]
    .filter(([name]) => !isTracking(name))
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : "";
  return `${host}${port}${path}${query}`;
}

/** Texts that differ only in spacing at their ends or line endings are the same text. */
export const sourceTextKey = (text: string) => text.replace(/\r\n?/g, "\n").trim();
