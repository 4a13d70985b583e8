// @ts-check
/**
 * Which cached routes are which, by the path that ends their cache key. Next's keys look like
 * `/route-cache/APP_PAGE/<hash>/$/events/<slug>`; the path is the route's, decoded, as Next
 * rendered it (after next.config.js's rewrites).
 */

/** The path a cache key ends with, or the key itself when it has no `/$` part. @param {string} key */
export function cacheKeyPath(key) {
  const at = key.lastIndexOf("/$/");
  return at >= 0 ? key.slice(at + 2) : key;
}

/**
 * The cached lists that are documents (static-page.mjs): home, an event's list, its views and
 * its searches and days.
 */
const DOCUMENT = /^\/(?:home\/[^/]+|events\/[^/]+(?:\/view\/[^/]+\/[^/]+|\/query\/[^/]+)?)$/;
/**
 * The cached views of an event's list, pages and API (app/events/[slug]/view, app/api/…/view),
 * and its searches and days (app/events/[slug]/query).
 */
const LIST_VIEW =
  /^\/(?:(?:api\/)?events\/[^/]+(?:\/attendance)?\/view\/[^/]+\/[^/]+|events\/[^/]+\/query\/[^/]+)$/;
const API_VIEW = /^\/api\/events\/[^/]+\/attendance\/view\/[^/]+\/[^/]+$/;
/** The Atom feeds: an event's (app/events/[slug]/feed.xml) and the site's (app/feeds/[scope]). */
const FEED = /^\/(?:events\/[^/]+\/feed\.xml|feeds\/[^/]+)$/;

/** @param {string} path */
export const isDocumentRoute = (path) => DOCUMENT.test(path);
/** @param {string} path */
export const isListView = (path) => LIST_VIEW.test(path);
/** @param {string} path */
export const isApiView = (path) => API_VIEW.test(path);
/**
 * The cached route handlers that answer with the configured Cache-Control and keep only their
 * 200s, as the lists do: the API's views and the feeds.
 * @param {string} path
 */
export const isSharedRoute = (path) => API_VIEW.test(path) || FEED.test(path);

/** A session cookie (Better Auth's `…session_token`): a signed-in editor's pages are rendered per request. */
export const SESSION_COOKIE = /session_token=/;
const OWN_STATUS = /^(?:confirmed|reported|declined)$/;
const OWN_SORT = /^(?:name|status|country)$/;
/**
 * Paths whose pages are cached whatever the query and the cookies: the lists as the rewrites in
 * next.config.js and proxy.ts route them (a search or a day to events/<slug>/query), and the
 * pages of an entry, a leader, a source and a source's text (app/attendance/[id],
 * app/leaders/[id], app/sources/[id] and its versions/[number]), which read neither and show
 * nothing of the reader's own, a signed-in editor's session included. Those four are not
 * documents (DOCUMENT): they keep the framework's scripts, and their links navigate and
 * prefetch as the app's do.
 */
const CACHED_PAGE =
  /^\/(?:home\/[^/]+|events\/[^/]+\/(?:view\/[^/]+\/[^/]+|query\/[^/]+)|attendance\/[^/]+|leaders\/[^/]+|sources\/[^/]+(?:\/versions\/[^/]+)?)$/;

/**
 * Whether a request for a page is answered from the page cache rather than rendered for it:
 * the cached pages above, and the same rules as next.config.js's rewrites for `/` and an
 * event's list (without a search, a day or a session cookie, by no status or sort or one of
 * the list's own), so proxy.ts can tell the two apart. Of a repeated parameter Next matches
 * the last value.
 * @param {URL} url
 * @param {string | null} cookie
 */
export function isCachedPageRequest(url, cookie) {
  const path = url.pathname;
  if (CACHED_PAGE.test(path)) return true;
  const home = path === "/";
  const event = /^\/events\/[^/]+$/.test(path);
  if (!home && !event) return false;
  if (cookie && SESSION_COOKIE.test(cookie)) return false;
  const query = url.searchParams;
  const last = (/** @type {string} */ key) => query.getAll(key).at(-1);
  if (query.has("q") || query.has("asOf")) return false;
  if (home) return !query.has("status") && !query.has("sort");
  const status = last("status");
  const sort = last("sort");
  return (
    (status === undefined || OWN_STATUS.test(status)) && (sort === undefined || OWN_SORT.test(sort))
  );
}

/** A search or a day of an event's list (app/events/[slug]/query/[query], which proxy.ts rewrites to). */
const QUERY_VIEW = /^\/events\/[^/]+\/query\/[^/]+$/;

/**
 * Whether a path is a search or a day: cached like the lists, but so many can be asked for
 * that they are bounded apart (page-cache.mjs, `maxQueryEntries`), so a flood of searches
 * never pushes the lists themselves out of the store.
 * @param {string} path
 */
export const isQueryView = (path) => QUERY_VIEW.test(path);
