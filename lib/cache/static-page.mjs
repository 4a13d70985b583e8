// @ts-check
/**
 * A cached page as a document without the framework's scripts. The public pages the page cache
 * keeps (the home page, an event's lists, its searches, days and embeds, the index of events, and
 * the pages of an entry, a leader, a source and a source's older text) are server components with
 * no client component of the app's: their links and their GET forms work as plain HTML, which
 * e2e's "the public pages work without JavaScript" checks. What makes them heavy is hydration:
 * Next inlines the page's RSC payload (the whole tree again, as JSON) and loads its runtime's
 * chunks to hydrate a page that has nothing to hydrate (docs/benchmark.md has the page's weight).
 * The cached copy leaves both out: its inline payload (`self.__next_f`), the Turbopack bootstrap
 * and the runtime's script and preload tags. The RSC payload itself stays in the cache, for the
 * client-side navigations into the page from pages that do run the app (Next fetches it with
 * `RSC: 1`), and every page rendered per request (the admin, a signed-in editor's lists) keeps
 * its scripts.
 */

import { isDocumentRoute } from "./cached-routes.mjs";

/** The framework's own script elements: inline payload, bootstrap, and runtime chunks. */
const FRAMEWORK_SCRIPT =
  /<script\b[^>]*?\bsrc="\/_next\/static\/[^"]*"[^>]*><\/script>|<script\b[^>]*>(?:\(self\.__next_f=|self\.__next_f\.push\(|\(globalThis\["TURBOPACK"\])[\s\S]*?<\/script>/g;
/** Preload hints for those chunks. */
const SCRIPT_PRELOAD = /<link\b(?=[^>]*\bas="script")(?=[^>]*\bhref="\/_next\/static\/)[^>]*\/?>/g;

/**
 * The page without the framework's scripts; any other inline script (none today) stays, and keeps
 * its hash in the page's script policy. Only a cached public page (isDocumentRoute; Next's own
 * not-found page, say, is served as Next made it) whose HTML holds it whole: a 200 with the
 * layout's <main> in it. Others keep their scripts, because their HTML may be an empty shell the
 * payload fills in: Next renders the not-found page of a cached route (an unknown slug) that way.
 * @param {string} path the route's path (cacheKeyPath)
 * @param {Buffer | string} html
 * @param {number | undefined} status
 * @returns {Buffer}
 */
export function withoutFrameworkScripts(path, html, status) {
  const text = typeof html === "string" ? html : html.toString("utf8");
  const whole = (status ?? 200) === 200 && /<main\b/.test(text);
  if (!whole || !isDocumentRoute(path)) return Buffer.from(text, "utf8");
  return Buffer.from(text.replace(FRAMEWORK_SCRIPT, "").replace(SCRIPT_PRELOAD, ""), "utf8");
}
