// @ts-check
/**
 * The one place for the rules about the cached pages (docs/architecture.md, "Caching"):
 *
 * - how a request reaches a cached page: the rewrites next.config.js installs
 *   (pageCacheRewrites), and which requests the proxy leaves without a nonce
 *   (isCachedPageRequest); proxy.ts rewrites a reader's search or day with
 *   lib/validation/query-view.ts, and its matcher, which Next reads as written, lists the same
 *   paths again (tests/reliability/csp.spec.ts and floods.spec.ts fail when they disagree);
 * - which paths an edit of an event revalidates (eventListPaths);
 * - which stored entries are which, by the path that ends their cache key. Next's keys look
 *   like `/route-cache/APP_PAGE/<hash>/$/events/<slug>`; the path is the route's, decoded, as
 *   Next rendered it (after the rewrites).
 */

/** The list's statuses and orders (lib/attendance/status.ts; a unit test keeps them equal). */
export const LIST_STATUSES = /** @type {const} */ (["confirmed", "reported", "declined"]);
export const LIST_SORTS = /** @type {const} */ (["name", "status", "country"]);

/**
 * The list's parameters (lib/validation/attendance-query.ts). A list page without them, or by a
 * status or a sort alone, is the same for every reader and is served from the cache. A reader's
 * search or day never reaches the rewrites: proxy.ts rewrites it first to its own cached page
 * (app/events/[slug]/query/[query]), since its values are too many for a rule. What is left (a
 * signed-in editor, a value the list does not know, a search too long to cache) is rendered per
 * request (app/events/[slug]/per-request). Routing the status and the sort in rewrites, rather than
 * in the proxy, keeps any code off the path of the most-read cached pages.
 */
const FILTER_PARAMS = ["status", "q", "sort", "asOf"];

/**
 * A request carrying a session cookie (Better Auth's `…session_token`, with or without its
 * `__Secure-` prefix), as a rewrite's condition: a signed-in editor's lists are rendered per
 * request, so that they can offer editing ("Add a leader to this event"). The page checks the
 * session itself; the cookie only routes, and a reader without one keeps the cached page.
 */
const SESSION_COOKIE_HEADER = /** @type {const} */ ({
  type: "header",
  key: "cookie",
  value: ".*session_token=.*",
});

/**
 * The pages of the index of events (`/events?page=N`, app/events-index/[page]) that are cached:
 * any other value of `page` shows the first, as the index always has.
 */
const EVENTS_INDEX_PAGE = "[1-9][0-9]{0,3}";
/** The one tag of every page of the index of events, which an edit of any event revalidates. */
export const EVENTS_INDEX = "/events-index";

/**
 * The page number of a segment of app/events-index/[page], or null for one the rewrites never
 * make (a reader may still type it).
 * @param {string} segment
 */
export function eventsIndexPage(segment) {
  return new RegExp(`^${EVENTS_INDEX_PAGE}$`).test(segment) ? Number(segment) : null;
}

/**
 * The two addresses of the site's share picture, the featured event's, each rewritten to its
 * own cached route (app/home/share-image/[variant]).
 */
export const HOME_SHARE_IMAGES = /** @type {const} */ (["opengraph", "twitter"]);

/** Every view of a list by status (or `all`) and sort, as the cached routes name them. */
const LIST_VIEWS = ["all", ...LIST_STATUSES].flatMap((status) =>
  LIST_SORTS.map((sort) => `${status}/${sort}`),
);

/**
 * The home page's cached routes: the featured event's list in each view
 * (app/home/view/[status]/[sort], which `/` is rewritten to, with a status or a sort or neither),
 * its searches and days by their one tag (app/home/query, which proxy.ts rewrites them to), and
 * the site's share pictures. The edits that change the featured event revalidate them all.
 */
export const HOME_PATHS = /** @type {readonly string[]} */ ([
  ...LIST_VIEWS.map((view) => `/home/view/${view}`),
  "/home/query",
  ...HOME_SHARE_IMAGES.map((variant) => `/home/share-image/${variant}`),
]);

/** @param {string} key */
const query = (key) => ({ type: /** @type {const} */ ("query"), key });

/**
 * The recent changes a reader reaches by a link, cached (app/changes/by-event/[event]): the
 * whole list (`all`) and one event's. Any other filter (an editor, one record's history, an
 * older page) or a session cookie goes on to app/changes, rendered per request.
 */
const CHANGES_FILTERS = ["editor", "about", "before"].map(query);
/** An event's slug (lib/text/slug.ts, SLUG_PATTERN; a unit test keeps them equal). */
const SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*";
export const EVENT_SLUG = new RegExp(`^${SLUG}$`);
/** The one tag of every cached page of the changes, which every edit revalidates. */
export const CHANGES = "/changes";
const STATUS = { ...query("status"), value: `(?<status>${LIST_STATUSES.join("|")})` };
const SORT = { ...query("sort"), value: `(?<sort>${LIST_SORTS.join("|")})` };

/**
 * A list filtered by a status or sorted (no search, no day) is the same for every reader: it is
 * cached like the unfiltered list, one page per status and sort (app/events/[slug]/view). An
 * empty value counts as none, for Next as for the list. Any other value (which the list reads as
 * the default) or a session cookie goes on to the page rendered per request, which proxy.ts
 * gives a nonce. Of a repeated parameter Next matches the last value, and so does the list.
 */
const CACHED_VIEWS = [
  { has: [STATUS, SORT], missing: [], view: ":status/:sort" },
  { has: [STATUS], missing: [query("sort")], view: ":status/name" },
  { has: [SORT], missing: [query("status")], view: "all/:sort" },
];
const UNCACHED_VIEW = [query("q"), query("asOf"), SESSION_COOKIE_HEADER];
/** The API's first page is cached the same way (app/api/events/[slug]/attendance/view). */
const UNCACHED_API = [query("q"), query("asOf"), query("limit"), query("cursor")];

/** The rewrites that route requests to the cached pages, for next.config.js. */
export function pageCacheRewrites() {
  return [
    // The home page, whole or by a status or sort, for a reader (app/home/view).
    {
      source: "/",
      missing: [query("status"), query("sort"), ...UNCACHED_VIEW],
      destination: "/home/view/all/name",
    },
    ...CACHED_VIEWS.map(({ has, missing, view }) => ({
      source: "/",
      has,
      missing: [...missing, ...UNCACHED_VIEW],
      destination: `/home/view/${view}`,
    })),
    // The site's share pictures (SITE_PICTURES in lib/seo.ts), whatever their query.
    { source: "/opengraph-image", destination: "/home/share-image/opengraph" },
    { source: "/twitter-image", destination: "/home/share-image/twitter" },
    {
      source: "/events",
      has: [{ ...query("page"), value: `(?<page>${EVENTS_INDEX_PAGE})` }],
      destination: `${EVENTS_INDEX}/:page`,
    },
    { source: "/events", destination: `${EVENTS_INDEX}/1` },
    {
      source: "/changes",
      has: [{ ...query("event"), value: `(?<event>${SLUG})` }],
      missing: [...CHANGES_FILTERS, SESSION_COOKIE_HEADER],
      destination: "/changes/by-event/:event",
    },
    {
      source: "/changes",
      missing: [query("event"), ...CHANGES_FILTERS, SESSION_COOKIE_HEADER],
      destination: "/changes/by-event/all",
    },
    // The site's feed, cached like the lists (app/feeds/[scope]).
    { source: "/feed.xml", destination: "/feeds/all" },
    {
      source: "/events/:slug",
      has: [SESSION_COOKIE_HEADER],
      destination: "/events/:slug/per-request",
    },
    ...CACHED_VIEWS.map(({ has, missing, view }) => ({
      source: "/events/:slug",
      has,
      missing: [...missing, ...UNCACHED_VIEW],
      destination: `/events/:slug/view/${view}`,
    })),
    ...[
      ...CACHED_VIEWS,
      { has: [], missing: [query("status"), query("sort")], view: "all/name" },
    ].map(({ has, missing, view }) => ({
      source: "/api/events/:slug/attendance",
      has,
      missing: [...missing, ...UNCACHED_API],
      destination: `/api/events/:slug/attendance/view/${view}`,
    })),
    ...FILTER_PARAMS.map((key) => ({
      source: "/events/:slug",
      has: [{ type: /** @type {const} */ ("query"), key }],
      destination: "/events/:slug/per-request",
    })),
  ];
}

/**
 * Every cached route that shows an event's list, each by the path it is cached under (the page
 * cache tags a route handler's answer with it too, as Next tags it with the path asked for), for
 * an edit of the event to revalidate (lib/actions/revalidate.ts).
 * @param {string} slug
 */
export function eventListPaths(slug) {
  return [
    `/events/${slug}`,
    ...LIST_VIEWS.map((view) => `/events/${slug}/view/${view}`),
    ...LIST_VIEWS.map((view) => `/api/events/${slug}/attendance/view/${view}`),
    `/events/${slug}/feed.xml`,
    // Its searches and days, and its embeds, by the one tag the page cache gives each kind.
    `/events/${slug}/query`,
    `/embed/events/${slug}/view`,
    // The pictures a shared link to it previews with: its counts.
    `/events/${slug}/opengraph-image`,
    `/events/${slug}/twitter-image`,
  ];
}

/** The path a cache key ends with, or the key itself when it has no `/$` part. @param {string} key */
export function cacheKeyPath(key) {
  const at = key.lastIndexOf("/$/");
  return at >= 0 ? key.slice(at + 2) : key;
}

/**
 * The cached routes' paths, as regex sources, each a route under app/ as its cache key ends
 * (cacheKeyPath); the tests below are made of them.
 */
const ROUTE = {
  homeView: "home\\/view\\/[^/]+\\/[^/]+",
  homeQuery: "home\\/query\\/[^/]+",
  event: "events\\/[^/]+",
  eventView: "events\\/[^/]+\\/view\\/[^/]+\\/[^/]+",
  eventQuery: "events\\/[^/]+\\/query\\/[^/]+",
  embedView: "embed\\/events\\/[^/]+\\/view\\/[^/]+",
  apiView: "api\\/events\\/[^/]+\\/attendance\\/view\\/[^/]+\\/[^/]+",
  changes: "changes\\/by-event\\/[^/]+",
  eventsIndex: "events-index\\/[^/]+",
  records: "attendance\\/[^/]+|leaders\\/[^/]+|sources\\/[^/]+(?:\\/versions\\/[^/]+)?",
};
/** A whole path matching one of the sources. @param {string[]} sources */
const pathOf = (...sources) => new RegExp(`^\\/(?:${sources.join("|")})$`);

/**
 * The views of a list that are pages: the home page's and an event's by status and sort, their
 * searches and days, and an event's embeds.
 */
const PAGE_VIEWS = [
  ROUTE.homeView,
  ROUTE.homeQuery,
  ROUTE.eventView,
  ROUTE.eventQuery,
  ROUTE.embedView,
];
/**
 * The other cached pages, the same for every reader: the recent changes, the index of events,
 * and the pages of an entry, a leader, a source and a source's older text.
 */
const SHARED_PAGES = [ROUTE.changes, ROUTE.eventsIndex, ROUTE.records];

/**
 * The cached pages that are documents (static-page.mjs): an event's list and every page above.
 * Every public page a reader reaches by a link.
 */
const DOCUMENT = pathOf(ROUTE.event, ...PAGE_VIEWS, ...SHARED_PAGES);
/** The cached views of a list, pages and the API's (app/api/events/[slug]/attendance/view). */
const LIST_VIEW = pathOf(...PAGE_VIEWS, ROUTE.apiView);
const API_VIEW = pathOf(ROUTE.apiView);
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
const OWN_STATUS = new RegExp(`^(?:${LIST_STATUSES.join("|")})$`);
const OWN_SORT = new RegExp(`^(?:${LIST_SORTS.join("|")})$`);
/**
 * Paths whose pages are cached whatever the query and the cookies: the lists as the rewrites in
 * next.config.js and proxy.ts route them (a search or a day to events/<slug>/query), the index
 * of events (`/events` by any page, app/events-index/[page]), and the
 * pages of an entry, a leader, a source and a source's text (app/attendance/[id],
 * app/leaders/[id], app/sources/[id] and its versions/[number]), which read neither and show
 * nothing of the reader's own, a signed-in editor's session included. All are documents
 * (DOCUMENT).
 */
const CACHED_PAGE = pathOf("events", ...PAGE_VIEWS, ...SHARED_PAGES);

/**
 * Whether a query parameter counts, as Next reads a rewrite's query condition: given once and
 * empty it is none; given more than once it is there, and its last value is the one matched.
 * @param {URL} url @param {string} key
 */
function given(url, key) {
  const values = url.searchParams.getAll(key);
  return values.length > 1 || (values.length === 1 && values[0] !== "");
}
/** The value Next matches a parameter's condition against. @param {URL} url @param {string} key */
const lastGiven = (url, key) => (given(url, key) ? url.searchParams.getAll(key).at(-1) : undefined);

/**
 * Whether a request for a page is answered from the page cache rather than rendered for it:
 * the cached pages above, and the same rules as pageCacheRewrites for `/` and an event's list (without a search, a day or a session cookie, by no status or sort or one of
 * the list's own), so proxy.ts can tell the two apart. Of a repeated parameter Next matches
 * the last value.
 * @param {URL} url
 * @param {string | null} cookie
 */
export function isCachedPageRequest(url, cookie) {
  const path = url.pathname;
  if (CACHED_PAGE.test(path)) return true;
  if (path === CHANGES) return isCachedChangesRequest(url, cookie);
  const home = path === "/";
  const event = /^\/events\/[^/]+$/.test(path);
  if (!home && !event) return false;
  if (cookie && SESSION_COOKIE.test(cookie)) return false;
  if (given(url, "q") || given(url, "asOf")) return false;
  const status = lastGiven(url, "status");
  const sort = lastGiven(url, "sort");
  return (
    (status === undefined || OWN_STATUS.test(status)) && (sort === undefined || OWN_SORT.test(sort))
  );
}

/**
 * A search or a day of an event's list (app/events/[slug]/query/[query]) or of the home page
 * (app/home/query/[query]), or an embed's state (app/embed/events/[slug]/view/[view]), which
 * proxy.ts rewrites to.
 */
const QUERY_VIEW = pathOf(ROUTE.homeQuery, ROUTE.eventQuery, ROUTE.embedView);

/**
 * Whether a path is a search, a day or an embed's state: cached like the lists, but so many can
 * be asked for that they are bounded apart (page-cache.mjs, `maxQueryEntries`), so a flood of
 * searches never pushes the lists themselves out of the store. An event's are all revalidated
 * by one tag, their parent's path (`/events/<slug>/query`, `/embed/events/<slug>/view`).
 * @param {string} path
 */
export const isQueryView = (path) => QUERY_VIEW.test(path);

const EVENTS_INDEX_VIEW = pathOf(ROUTE.eventsIndex);
const CHANGES_VIEW = pathOf(ROUTE.changes);

/**
 * The one tag a cached page is revalidated by beside its own path, when its own paths are too
 * many to name: an event's searches and days (`/events/<slug>/query`), its embeds
 * (`/embed/events/<slug>/view`), and the pages of the index of events (EVENTS_INDEX). Undefined
 * for any other page.
 * @param {string} path
 */
export function groupTagPath(path) {
  if (isQueryView(path)) return path.slice(0, path.lastIndexOf("/"));
  if (EVENTS_INDEX_VIEW.test(path)) return EVENTS_INDEX;
  if (CHANGES_VIEW.test(path)) return CHANGES;
  return undefined;
}

/**
 * The rewrites' rule for `/changes` (pageCacheRewrites): cached for a reader by no filter or by
 * an event alone.
 * @param {URL} url
 * @param {string | null} cookie
 */
function isCachedChangesRequest(url, cookie) {
  if (cookie && SESSION_COOKIE.test(cookie)) return false;
  if (["editor", "about", "before"].some((key) => given(url, key))) return false;
  const event = lastGiven(url, "event");
  return event === undefined || EVENT_SLUG.test(event);
}
