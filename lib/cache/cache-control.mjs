// @ts-check
/**
 * The Cache-Control of a cached page, as CACHE_S_MAXAGE and CACHE_STALE_WHILE_REVALIDATE set
 * it: the browser asks again each time (it keeps nothing: an edit shows on the next load
 * once); a shared cache keeps it for CACHE_S_MAXAGE seconds, then may serve it stale for
 * CACHE_STALE_WHILE_REVALIDATE more while it fetches the new one. lib/env.ts validates both
 * when the server starts; proxy.ts, which cannot import it, reads them here.
 * @param {Record<string, string | undefined>} [environment]
 */
export function cachedPageCacheControl(environment = process.env) {
  const seconds = (/** @type {string | undefined} */ value, fallback = 0) =>
    value === undefined || value === "" || !/^\d+$/.test(value.trim())
      ? fallback
      : Number(value.trim());
  return `public, max-age=0, s-maxage=${seconds(environment.CACHE_S_MAXAGE, 60)}, stale-while-revalidate=${seconds(environment.CACHE_STALE_WHILE_REVALIDATE, 300)}`;
}
