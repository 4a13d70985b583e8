import { NEXT_CACHE_IMPLICIT_TAG_ID, NEXT_CACHE_TAGS_HEADER } from "next/dist/lib/constants.js";
import { getRouteCacheKey } from "next/dist/server/lib/route-cache-key.js";
import * as responseCacheTypes from "next/dist/server/response-cache/types.js";
import { describe, expect, it } from "vitest";
import { CACHE_TAGS_HEADER } from "@/lib/cache/cache-entry.mjs";
import { cacheKeyPath } from "@/lib/cache/cached-routes.mjs";

/**
 * What the page cache takes from Next beyond its documented cache handler interface, checked
 * against the installed Next: when an upgrade changes one of them, this fails before a reader
 * gets a stale or unstamped page (docs/architecture.md, "What the page cache relies on"). Only
 * this test reads Next's internals; the app's code does not import them.
 */
/** Next declares these as const enums, which a test can read only as the objects they compile to. */
const { CachedRouteKind, IncrementalCacheKind } = responseCacheTypes as unknown as Record<
  "CachedRouteKind" | "IncrementalCacheKind",
  Record<string, string>
>;

describe("what the page cache relies on in Next", () => {
  it("lists a cached response's tags in the header the stores read", () => {
    expect(NEXT_CACHE_TAGS_HEADER).toBe(CACHE_TAGS_HEADER);
  });

  it("names a path's implicit tag as revalidatePath does, which the page cache adds to route answers", () => {
    expect(NEXT_CACHE_IMPLICIT_TAG_ID).toBe("_N_T_");
  });

  it("hands the handler pages, route answers and fetches by the kinds it tells apart", () => {
    expect(CachedRouteKind.APP_PAGE).toBe("APP_PAGE");
    expect(CachedRouteKind.APP_ROUTE).toBe("APP_ROUTE");
    expect(CachedRouteKind.FETCH).toBe("FETCH");
    expect(IncrementalCacheKind.APP_PAGE).toBe("APP_PAGE");
  });

  it("keys a route's entry so that the path it was rendered for ends the key", () => {
    const owner = { kind: "APP_PAGE", sourceRoute: "/events/[slug]/page" } as never;
    expect(cacheKeyPath(getRouteCacheKey("/events/victory-day-2025", owner))).toBe(
      "/events/victory-day-2025",
    );
    expect(cacheKeyPath(getRouteCacheKey("/", owner))).toBe("/index");
  });
});
