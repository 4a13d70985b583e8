import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ATTENDANCE_STATUSES, SORT_KEYS } from "@/lib/attendance/status";
import {
  EVENT_SLUG,
  HOME_PATHS,
  LIST_SORTS,
  LIST_STATUSES,
  eventsIndexPage,
  groupTagPath,
  isCachedPageRequest,
  isQueryView,
  pageCacheRewrites,
} from "@/lib/cache/cached-routes.mjs";
import { SLUG_PATTERN } from "@/lib/text/slug";
import { queryViewOf } from "@/lib/validation/query-view";

type Condition = { type: "query" | "header"; key: string; value?: string };
type Rule = { source: string; has?: Condition[]; missing?: Condition[]; destination: string };

/**
 * Next's matching of these rewrites, for the shapes they use: a source with `:slug`, and query
 * or cookie conditions (a query value that is empty counts as none, the last of a repeated one
 * is matched, a value is a whole-value regex).
 */
function rewrite(url: URL, cookie: string | null): string | null {
  for (const rule of pageCacheRewrites() as Rule[]) {
    const pattern = new RegExp(`^${rule.source.replace(":slug", "(?<slug>[^/]+)")}$`);
    const match = pattern.exec(url.pathname);
    if (!match) continue;
    const values: Record<string, string> = { ...match.groups };
    const test = (c: Condition) => {
      const given = url.searchParams.getAll(c.key);
      // Once and empty is none; more than once is there, and the last value is matched.
      const value =
        c.type === "header"
          ? (cookie ?? undefined)
          : given.length > 1 || given[0]
            ? given.at(-1)
            : undefined;
      if (value === undefined) return false;
      if (!c.value) return true;
      const found = new RegExp(`^(?:${c.value})$`).exec(value);
      if (found?.groups) Object.assign(values, found.groups);
      return Boolean(found);
    };
    if (!(rule.has ?? []).every(test) || (rule.missing ?? []).some(test)) continue;
    return rule.destination.replace(/:(\w+)/g, (_, name: string) => values[name]!);
  }
  return null;
}

/** The cached routes a list request is served by: the home page's, an event's own, its views. */
const CACHED = /^\/(?:home\/view\/[^/]+\/[^/]+|events\/[^/]+(?:\/view\/[^/]+\/[^/]+)?)$/;

describe("the cached pages' rules", () => {
  it("know the list's own statuses and orders", () => {
    expect(LIST_STATUSES).toEqual(ATTENDANCE_STATUSES);
    expect(LIST_SORTS).toEqual(SORT_KEYS);
    expect(EVENT_SLUG.source).toBe(SLUG_PATTERN.source);
  });

  it("rewrite only to routes that exist", () => {
    const routes = (pageCacheRewrites() as Rule[]).map((r) =>
      r.destination
        .split("/")
        .filter(Boolean)
        .map((part) =>
          part.startsWith(":") || /^(?:all|name|opengraph|twitter|\d+)$/.test(part) ? "*" : part,
        ),
    );
    for (const parts of routes) {
      const found = parts.reduce<string[]>(
        (dirs, part) =>
          dirs.flatMap((dir) =>
            fs
              .readdirSync(dir, { withFileTypes: true })
              .filter(
                (d) => d.isDirectory() && (part === "*" ? d.name.startsWith("[") : d.name === part),
              )
              .map((d) => path.join(dir, d.name)),
          ),
        [path.resolve("app")],
      );
      expect(
        found.some((dir) => ["page.tsx", "route.ts"].some((f) => fs.existsSync(path.join(dir, f)))),
        parts.join("/"),
      ).toBe(true);
    }
  });

  it("agree with the proxy on which list requests are served from the cache", () => {
    const values = {
      status: [undefined, "confirmed", "bogus", ""],
      sort: [undefined, "country", "bogus", ""],
      q: [undefined, "", "xi"],
      asOf: [undefined, "", "2025-05-01"],
    };
    let checked = 0;
    for (const pathname of ["/", "/events/victory-day-parade-2025"])
      for (const status of values.status)
        for (const sort of values.sort)
          for (const q of values.q)
            for (const asOf of values.asOf)
              for (const cookie of [null, "other=1", "__Secure-better-auth.session_token=x"]) {
                const url = new URL(pathname, "http://localhost");
                for (const [key, value] of Object.entries({ status, sort, q, asOf }))
                  if (value !== undefined) url.searchParams.set(key, value);
                // A repeated parameter too: its last value counts, even after an empty one.
                if (status === "confirmed") url.searchParams.append("status", "declined");
                const reader = !cookie?.includes("session_token");
                // A reader's search or day is the proxy's own rewrite.
                if (reader && queryViewOf(url.searchParams)) continue;
                const served = rewrite(url, cookie) ?? url.pathname;
                expect(isCachedPageRequest(url, cookie), `${url} ${cookie}`).toBe(
                  CACHED.test(served),
                );
                checked++;
              }
    expect(checked).toBeGreaterThan(500);
  });

  it("serve the index of events from the cache on every page, whatever its query or cookie", () => {
    const pages: [string[], number][] = [
      [[], 1],
      [[""], 1],
      [["1"], 1],
      [["2"], 2],
      [["9999"], 9999],
      // What the index never links to shows its first page, as it always has.
      [["0"], 1],
      [["02"], 1],
      [["10000"], 1],
      [["two"], 1],
      [["2", "3"], 3],
    ];
    for (const [values, page] of pages)
      for (const cookie of [null, "__Secure-better-auth.session_token=x"]) {
        const url = new URL("/events", "http://localhost");
        for (const value of values) url.searchParams.append("page", value);
        url.searchParams.set("q", "ignored");
        expect(rewrite(url, cookie), `${url}`).toBe(`/events-index/${page}`);
        expect(isCachedPageRequest(url, cookie), `${url}`).toBe(true);
        expect(isCachedPageRequest(new URL(`/events-index/${page}`, url), cookie)).toBe(true);
      }
    expect(eventsIndexPage("12")).toBe(12);
    for (const made of ["0", "01", "10000", "1.5", "x"]) expect(eventsIndexPage(made)).toBeNull();
  });

  it("serve the site's share pictures from the routes the home page's edits revalidate", () => {
    for (const [name, variant] of [
      ["/opengraph-image", "opengraph"],
      ["/twitter-image", "twitter"],
    ])
      for (const search of ["", "?4fa2c1d9e0b3a7f6", "?status=confirmed"])
        for (const cookie of [null, "__Secure-better-auth.session_token=x"]) {
          const url = new URL(`${name}${search}`, "http://localhost");
          expect(rewrite(url, cookie), `${url}`).toBe(`/home/share-image/${variant}`);
        }
    expect(HOME_PATHS).toContain("/home/share-image/opengraph");
    expect(HOME_PATHS).toContain("/home/share-image/twitter");
  });

  it("serve the home page in every status and order from routes the home page's edits revalidate", () => {
    const served = new Set<string>();
    for (const status of [undefined, "", ...LIST_STATUSES])
      for (const sort of [undefined, "", ...LIST_SORTS]) {
        const url = new URL("/", "http://localhost");
        if (status !== undefined) url.searchParams.set("status", status);
        if (sort !== undefined) url.searchParams.set("sort", sort);
        const path = rewrite(url, null);
        expect(path, `${url}`).toBe(`/home/view/${status || "all"}/${sort || "name"}`);
        expect(HOME_PATHS, `${url}`).toContain(path);
        served.add(path!);
        // A signed-in editor's home page is rendered per request, with its editing.
        expect(rewrite(url, "__Secure-better-auth.session_token=x"), `${url}`).toBeNull();
      }
    expect(served.size).toBe(12);
  });

  it("serve a reader's recent changes, whole or by an event, from the cache, and agree with the proxy", () => {
    let checked = 0;
    for (const event of [undefined, "", "victory-day-parade-2025", "Not A Slug"])
      for (const editor of [undefined, "", "u1"])
        for (const before of [undefined, "", "25"])
          for (const about of [undefined, "attendance:1"])
            for (const cookie of [null, "other=1", "__Secure-better-auth.session_token=x"]) {
              const url = new URL("/changes", "http://localhost");
              for (const [key, value] of Object.entries({ event, editor, before, about }))
                if (value !== undefined) url.searchParams.set(key, value);
              const served = rewrite(url, cookie) ?? url.pathname;
              const cached = served.startsWith("/changes/by-event/");
              expect(isCachedPageRequest(url, cookie), `${url} ${cookie}`).toBe(cached);
              const reader = !cookie?.includes("session_token");
              if (reader && !editor && !before && !about && event !== "Not A Slug")
                expect(served, `${url}`).toBe(`/changes/by-event/${event || "all"}`);
              else expect(served, `${url} ${cookie}`).toBe("/changes");
              checked++;
            }
    expect(checked).toBe(4 * 3 * 3 * 2 * 3);
    expect(groupTagPath("/changes/by-event/all")).toBe("/changes");
    expect(groupTagPath("/changes/by-event/victory-day-parade-2025")).toBe("/changes");
  });

  it("give the pages too many to name one tag each group, which edits revalidate", () => {
    expect(groupTagPath("/events-index/3")).toBe("/events-index");
    // The home page's searches and days: bounded with the others, revalidated with the home page.
    expect(isQueryView("/home/query/cT14aQ")).toBe(true);
    expect(groupTagPath("/home/query/cT14aQ")).toBe("/home/query");
    expect(HOME_PATHS).toContain("/home/query");
    expect(groupTagPath("/events/victory-day-parade-2025/query/cT14aQ")).toBe(
      "/events/victory-day-parade-2025/query",
    );
    expect(groupTagPath("/embed/events/victory-day-parade-2025/view/YWxs")).toBe(
      "/embed/events/victory-day-parade-2025/view",
    );
    for (const path of ["/events/victory-day-parade-2025", "/attendance/1", "/home/view/all/name"])
      expect(groupTagPath(path), path).toBeUndefined();
  });
});
