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

/** The cached lists that are documents (static-page.mjs): home, an event's list and its views. */
const DOCUMENT = /^\/(?:home\/[^/]+|events\/[^/]+(?:\/view\/[^/]+\/[^/]+)?)$/;
/** The cached views of an event's list, pages and API (app/events/[slug]/view, app/api/…/view). */
const LIST_VIEW = /^\/(?:api\/)?events\/[^/]+(?:\/attendance)?\/view\/[^/]+\/[^/]+$/;
const API_VIEW = /^\/api\/events\/[^/]+\/attendance\/view\/[^/]+\/[^/]+$/;

/** @param {string} path */
export const isDocumentRoute = (path) => DOCUMENT.test(path);
/** @param {string} path */
export const isListView = (path) => LIST_VIEW.test(path);
/** @param {string} path */
export const isApiView = (path) => API_VIEW.test(path);
