import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import PageCacheHandler from "@/lib/cache/file-page-cache-handler.mjs";
import FilePageStore, { STORE_DIRECTORY } from "@/lib/cache/file-page-store.mjs";
import { KEPT_REVALIDATIONS, RACE_WINDOW_MS, configurePageCache } from "@/lib/cache/page-cache.mjs";
import { withRequest } from "@/lib/cache/request-context.mjs";
import { negotiateEncoding } from "@/lib/cache/encodings.mjs";
import { inlineScriptHashes } from "@/lib/security/content-security-policy.mjs";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rollcall-cache-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());
beforeEach(() =>
  configurePageCache({ namespace: "database-a", cacheControl: "public, s-maxage=60" }),
);

/** The context Next makes a cache handler with (the parts the store reads). */
const context = { serverDistDir: dir, flushToDisk: true };
const handler = () => new PageCacheHandler(context as never);

/** The file store itself, under the page cache: what it stores, as it stores it. */
const rawBackend = () => new FilePageStore(context);

const SCRIPT = 'self.__next_f.push([1,"9 May 2025"])';
/** An inline script of the page's own (cached pages have none today). */
const OWN_SCRIPT = 'document.documentElement.dataset.page = "event"';
const PAGE_HTML = `<!DOCTYPE html><html><head><link rel="stylesheet" href="/_next/static/chunks/a.css"/><link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/></head><body><main><p>9 May 2025 · Moscow — Lula</p></main><script src="/_next/static/chunks/b.js" async=""></script><script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(["x"])</script><script>(self.__next_f=self.__next_f||[]).push([0])</script><script>${SCRIPT}</script><script>${OWN_SCRIPT}</script></body></html>`;
/** What is served of it: the framework's scripts and their preloads left out. */
const HTML = `<!DOCTYPE html><html><head><link rel="stylesheet" href="/_next/static/chunks/a.css"/></head><body><main><p>9 May 2025 · Moscow — Lula</p></main><script>${OWN_SCRIPT}</script></body></html>`;

/** A cached page as Next stores it, with the implicit tag of its path. */
const page = (slug: string, html = PAGE_HTML) => ({
  kind: "APP_PAGE" as const,
  html,
  rscData: Buffer.from(`rsc of ${slug} `.repeat(100)),
  headers: { "x-next-cache-tags": `_N_T_/layout,_N_T_/events/${slug}` } as Record<string, string>,
  postponed: undefined,
  status: 200,
  segmentData: undefined,
});

type Served = { value: { html: Buffer; rscData: Buffer; headers: Record<string, string> } };

const set = (key: string, value: ReturnType<typeof page>) =>
  handler().set(key, value as never, { cacheControl: { revalidate: false } } as never);
const get = (key: string) =>
  handler().get(key, {
    kind: "APP_PAGE",
    isRoutePPREnabled: false,
  } as never) as Promise<Served | null>;

/** Waits until the page's compressed bytes are ready (they are made in the background). */
async function compressed(key: string) {
  for (let i = 0; i < 100; i++) {
    const entry = await get(key);
    const ready = [false, true].every((rsc) =>
      withRequest({ acceptEncoding: "br", rsc }, () => entry?.value.headers["content-encoding"]),
    );
    if (ready) return entry!;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("never compressed");
}

describe("the page cache handler", () => {
  it("hands Next a cached page's HTML as UTF-8 bytes, converted once", async () => {
    await set("/events/a", page("a"));
    const first = await get("/events/a");
    expect(Buffer.isBuffer(first?.value.html)).toBe(true);
    expect(first!.value.html.toString("utf8")).toBe(HTML);
    const second = await get("/events/a");
    expect(second!.value.html).toBe(first!.value.html);
  });

  it("serves a cached page as a document: without the framework's scripts, with the page's own", async () => {
    await set("/events/doc", page("doc"));
    const html = (await get("/events/doc"))!.value.html.toString("utf8");
    expect(html).toBe(HTML);
    expect(html).not.toContain("__next_f");
    expect(html).not.toContain("TURBOPACK");
    expect(html).toContain('<link rel="stylesheet"');
    // An entry stored before this, with its scripts, is served without them too.
    const base = rawBackend();
    const stored = await base.get("/events/doc", { kind: "APP_PAGE", isRoutePPREnabled: false });
    const older = page("older");
    for (const [header, value] of Object.entries(stored!.value.headers as Record<string, string>))
      if (header.startsWith("x-rollcall-page-cache-")) older.headers[header] = value;
    await base.set("/events/older", older, { cacheControl: { revalidate: false } });
    expect((await get("/events/older"))!.value.html.toString("utf8")).toBe(HTML);
    // A not-found page's HTML is a shell its payload fills in: it keeps its scripts (and, as
    // an error, is sent to its reader but never kept).
    const shell = PAGE_HTML.replace(/<main>.*<\/main>/, '<div hidden=""></div>');
    const gone = { ...page("gone", shell), status: 404 };
    await set("/events/gone", gone);
    expect(String(gone.html)).toBe(shell);
    expect(await get("/events/gone")).toBeNull();
    // Only the public pages a reader reaches by a link are documents, and only they are kept:
    // any other page (Next's 404 for an unknown address) is rendered for its reader, with the
    // proxy's nonce, and sent as Next made it, with Next's own headers.
    const notFound = page("nf");
    await set("/_not-found", notFound);
    expect(notFound.html).toBe(PAGE_HTML);
    expect(notFound.headers["cache-control"]).toBeUndefined();
    expect(notFound.headers["content-security-policy"]).toBeUndefined();
    expect(await get("/_not-found")).toBeNull();
    await set("/events/x/view/confirmed/name", page("view"));
    expect((await get("/events/x/view/confirmed/name"))!.value.html.toString("utf8")).toBe(HTML);
    // Next's keys as a server makes them.
    const key = (path: string) => `/route-cache/APP_PAGE/5f093b58ce473bb2/$${path}`;
    for (const [path, served] of [
      ["/home/view/all/name", HTML],
      ["/home/view/confirmed/country", HTML],
      ["/events/x", HTML],
      ["/events/x/view/all/country", HTML],
      ["/events-index/1", HTML],
      ["/changes/by-event/all", HTML],
      ["/attendance/7", HTML],
      ["/leaders/7", HTML],
      ["/sources/7", HTML],
      ["/sources/7/versions/2", HTML],
      ["/_not-found", null],
      ["/changes", null],
      ["/events/x/per-request", null],
    ]) {
      await set(key(path!), page("k"));
      expect((await get(key(path!)))?.value.html.toString("utf8") ?? null, path!).toBe(served);
    }
  });

  it("keeps the API's views like pages: this database's, the configured Cache-Control, tagged with their own path", async () => {
    const viewKey = (slug: string, view = "all/name") =>
      `/route-cache/APP_ROUTE/ecbd23e5/$/api/events/${slug}/attendance/view/${view}`;
    // As Next makes it: tagged with the path the request asked for (here encoded), not the
    // view's path the entry is cached under.
    const answer = (slug: string, status = 200) => ({
      kind: "APP_ROUTE" as const,
      body: Buffer.from(`{"event":{"slug":"${slug}"}}`),
      status,
      headers: {
        "content-type": "application/json",
        "x-next-cache-tags": `_N_T_/layout,_N_T_/api/events/%62${slug}/attendance`,
      } as Record<string, string>,
    });
    const setRoute = (key: string, value: ReturnType<typeof answer>) =>
      handler().set(key, value as never, { cacheControl: { revalidate: false } } as never);
    const getRoute = (key: string) =>
      handler().get(key, { kind: "APP_ROUTE", isRoutePPREnabled: false } as never) as Promise<{
        value: { body: Buffer; headers: Record<string, string> };
      } | null>;

    const fresh = answer("r");
    await setRoute(viewKey("r"), fresh);
    // Next's own would be s-maxage of a year: its first reader gets the configured one.
    expect(fresh.headers["cache-control"]).toBe("public, s-maxage=60");
    const served = await getRoute(viewKey("r"));
    expect(served!.value.body.toString()).toBe('{"event":{"slug":"r"}}');
    expect(served!.value.headers["cache-control"]).toBe("public, s-maxage=60");
    expect(Object.keys(served!.value.headers).some((h) => h.includes("stamp"))).toBe(false);

    // An edit revalidates the view's path (lib/actions/revalidate.ts): that reaches the entry
    // whatever address stored it.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await handler().revalidateTag(["_N_T_/api/events/r/attendance/view/all/name"]);
    expect(await getRoute(viewKey("r"))).toBeNull();
    // Just after, a render is not kept.
    await setRoute(viewKey("r"), answer("r"));
    expect(await getRoute(viewKey("r"))).toBeNull();

    // A 404 of a view (an unknown slug) is answered, not kept.
    await setRoute(viewKey("nope"), answer("nope", 404));
    expect(await getRoute(viewKey("nope"))).toBeNull();

    // Another route handler keeps its own Cache-Control.
    const land = { ...answer("x"), headers: { "cache-control": "public, max-age=86400" } };
    const landKey = "/route-cache/APP_ROUTE/4969ec1d/$/map/land.svg";
    await setRoute(landKey, land);
    expect((await getRoute(landKey))!.value.headers["cache-control"]).toBe("public, max-age=86400");

    configurePageCache({ namespace: "database-b", cacheControl: "public, s-maxage=60" });
    expect(await getRoute(landKey)).toBeNull();
  });

  it("serves no page stored from another database, nor one without a stamp", async () => {
    await set("/events/other", page("other"));
    expect(await get("/events/other")).not.toBeNull();
    configurePageCache({ namespace: "database-b", cacheControl: "public, s-maxage=60" });
    expect(await get("/events/other")).toBeNull();
    // As `next build` leaves a prerendered page: no stamp at all.
    const base = rawBackend();
    await base.set("/events/built", page("built"), { cacheControl: { revalidate: false } });
    expect(await get("/events/built")).toBeNull();
  });

  it("stores and serves nothing before it knows its database", async () => {
    configurePageCache(undefined as never);
    const early = page("early");
    await set("/events/early", early);
    expect(await get("/events/early")).toBeNull();
    expect(early.headers["cache-control"]).toBe("private, no-store");
  });

  it("gives each request the coding it asks for, compressed once", async () => {
    await set("/events/z", page("z"));
    const entry = await compressed("/events/z");
    const as = (acceptEncoding: string, rsc = false) =>
      withRequest({ acceptEncoding, rsc }, () => ({
        html: entry.value.html,
        rsc: entry.value.rscData,
        headers: entry.value.headers,
      }));
    const br = as("gzip, deflate, br, zstd");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(br.html).toString()).toBe(HTML);
    expect(br.headers["content-length"]).toBe(String(br.html.length));
    const gzip = as("gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gzip.html).toString()).toBe(HTML);
    const plain = as("");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.html.toString()).toBe(HTML);
    const rsc = as("br", true);
    expect(zlib.brotliDecompressSync(rsc.rsc).toString()).toBe(page("z").rscData.toString());
    // The same bytes for every request: nothing is compressed per response.
    expect(as("br").html).toBe(br.html);
  });

  it("sends a cached page with the hashes of its inline scripts and the configured Cache-Control", async () => {
    await set("/events/h", page("h"));
    const entry = await get("/events/h");
    const policy = entry!.value.headers["content-security-policy"];
    expect(policy).toContain(inlineScriptHashes(HTML)[0]);
    expect(inlineScriptHashes(HTML)).toHaveLength(1);
    expect(policy).not.toContain(inlineScriptHashes(`<script>${SCRIPT}</script>`)[0]);
    expect(policy).not.toContain("unsafe-inline'; style"); // scripts: hashes only
    expect(policy).toMatch(/script-src 'self' 'sha256-[^']+'(;| 'unsafe-eval';)/);
    expect(entry!.value.headers["cache-control"]).toBe("public, s-maxage=60");
    expect(Object.keys(entry!.value.headers).some((h) => h.includes("stamp"))).toBe(false);
  });

  it("gives the first reader of a fresh render the same headers", async () => {
    const fresh = page("fresh");
    await set("/events/fresh", fresh);
    expect(fresh.headers["content-security-policy"]).toContain(inlineScriptHashes(HTML)[0]);
    expect(fresh.headers["cache-control"]).toBe("public, s-maxage=60");
  });

  it("does not keep a page rendered just after one of its tags was revalidated", async () => {
    await set("/events/b", page("b"));
    await new Promise((resolve) => setTimeout(resolve, 5)); // Next compares milliseconds
    await handler().revalidateTag(["_N_T_/events/b"]);
    expect(await get("/events/b")).toBeNull(); // the edit made it stale
    // A render that began before the edit finishes now: it is served, not stored, and its
    // reader still gets the page's own policy and Cache-Control.
    const late = page("b");
    await set("/events/b", late);
    expect(await get("/events/b")).toBeNull();
    expect(late.headers["content-security-policy"]).toContain("'sha256-");
    expect(late.headers["cache-control"]).toBe("public, s-maxage=60");
    // Pages of other events are stored as usual.
    await set("/events/c", page("c"));
    expect(await get("/events/c")).not.toBeNull();
  });

  it("serves no page stored in the same millisecond as a revalidation of one of its tags", async () => {
    // Next's file-system cache lets such a page through (it asks for a revalidation strictly
    // later than the page); a reader would get the page from before the edit.
    vi.useFakeTimers({ now: Date.now(), toFake: ["Date"] });
    await set("/events/e", page("e"));
    await handler().revalidateTag("_N_T_/events/e");
    expect(await get("/events/e")).toBeNull();
  });

  it("keeps pages again once the window after the edit has passed", async () => {
    vi.useFakeTimers({ now: Date.now(), toFake: ["Date"] });
    await handler().revalidateTag("_N_T_/events/d");
    await set("/events/d", page("d"));
    expect(await get("/events/d")).toBeNull();
    vi.setSystemTime(Date.now() + RACE_WINDOW_MS + 1);
    await set("/events/d", page("d"));
    expect((await get("/events/d"))?.value.html).toBeInstanceOf(Buffer);
  });
});

describe("the page cache's bounds", () => {
  const key = (path: string) => `/route-cache/APP_PAGE/5f093b58ce473bb2/$${path}`;
  const files = () =>
    fs.existsSync(path.join(dir, STORE_DIRECTORY))
      ? fs.readdirSync(path.join(dir, STORE_DIRECTORY)).length
      : 0;

  it("keeps no error page, and never looks up nor stores an over-long or NUL key", async () => {
    const before = files();
    for (let i = 0; i < 20; i++)
      await set(key(`/events/unknown-${i}`), { ...page("u"), status: 404 });
    expect(files()).toBe(before);
    for (const bad of [`/events/${"x".repeat(300)}`, "/events/a\u0000b"]) {
      await expect(set(key(bad), page("bad"))).resolves.toBeUndefined();
      await expect(get(key(bad))).resolves.toBeNull();
    }
    expect(files()).toBe(before);
  });

  it("deletes the oldest pages past the configured number of entries", async () => {
    configurePageCache({
      namespace: "database-a",
      cacheControl: "public, s-maxage=60",
      maxEntries: 3,
    });
    for (let i = 0; i < 8; i++) await set(key(`/events/bounded-${i}`), page(`bounded-${i}`));
    expect(files()).toBe(3);
    // The newest are kept, the oldest (those of the tests above too) are gone from the disk.
    expect(await get(key("/events/bounded-5"))).not.toBeNull();
    expect(await get(key("/events/bounded-4"))).toBeNull();
  });

  it("bounds searches and days apart: a flood of them never pushes a list out", async () => {
    configurePageCache({
      namespace: "database-a",
      cacheControl: "public, s-maxage=60",
      maxEntries: 3,
      maxQueryEntries: 2,
    });
    for (let i = 0; i < 3; i++) await set(key(`/events/list-${i}`), page(`list-${i}`));
    // An event's searches and the home page's, bounded together.
    const query = (i: number) =>
      key(i % 2 ? `/home/query/cT1${i}` : `/events/list-0/query/cT1${i}`);
    for (let i = 0; i < 6; i++) await set(query(i), page(`query-${i}`));
    expect(files()).toBe(5);
    // Served as documents, as the lists are.
    expect((await get(query(5)))!.value.html.toString("utf8")).toBe(HTML);
    for (let i = 0; i < 3; i++) expect(await get(key(`/events/list-${i}`))).not.toBeNull();
    expect(await get(query(3))).toBeNull();
    expect(await get(query(4))).not.toBeNull();
    expect(await get(query(5))).not.toBeNull();
    // And lists push out lists, not the searches.
    await set(key("/events/list-3"), page("list-3"));
    expect(await get(key("/events/list-0"))).toBeNull();
    expect(await get(query(4))).not.toBeNull();
  });

  it("tags an event's searches and days with one tag, which an edit of the event revalidates", async () => {
    const query = key("/events/tagged/query/cT14aQ");
    await set(query, page("tagged"));
    expect(await get(query)).not.toBeNull();
    await handler().revalidateTag("_N_T_/events/tagged/query");
    expect(await get(query)).toBeNull();
  });
});

describe("the file store", () => {
  const stored = { cacheControl: { revalidate: false } };
  const read = { kind: "APP_PAGE", isRoutePPREnabled: false };
  const storeIn = (at: string, flushToDisk = true) =>
    new FilePageStore({ serverDistDir: at, flushToDisk });
  const fresh = () => fs.mkdtempSync(path.join(dir, "store-"));
  const value = (slug: string) => ({ ...page(slug), html: Buffer.from(`<p>${slug}</p>`) });

  it("gives back what it stored, byte for byte, after a restart too", async () => {
    const at = fresh();
    const entry = {
      ...value("kept"),
      segmentData: new Map([["/_tree", Buffer.from("tree")]]),
    };
    await storeIn(at).set("/events/kept", entry, stored);
    const again = await storeIn(at).get("/events/kept", read);
    expect(again?.value).toEqual(entry);
    expect(again?.cacheControl).toEqual({ revalidate: false });
    // Another server process on the same build: it knows the entries only from their files.
    const copy = fresh();
    fs.cpSync(path.join(at, STORE_DIRECTORY), path.join(copy, STORE_DIRECTORY), {
      recursive: true,
    });
    const restarted = await storeIn(copy).get("/events/kept", read);
    expect(restarted?.value).toEqual(entry);
    expect(restarted?.lastModified).toBe(again?.lastModified);
  });

  it("deletes the entries of a revalidated tag, and only those", async () => {
    const at = fresh();
    const store = storeIn(at);
    await store.set("/events/one", value("one"), stored);
    await store.set("/events/two", value("two"), stored);
    expect(fs.readdirSync(path.join(at, STORE_DIRECTORY))).toHaveLength(2);
    await store.revalidateTag("_N_T_/events/one");
    expect(await store.get("/events/one", read)).toBeNull();
    expect(await store.get("/events/two", read)).not.toBeNull();
    expect(fs.readdirSync(path.join(at, STORE_DIRECTORY))).toHaveLength(1);
  });

  it("serves no entry whose path's tags, asked with the read, were revalidated since", async () => {
    const store = storeIn(fresh());
    vi.useFakeTimers({ now: Date.now(), toFake: ["Date"] });
    await store.set("/events/soft", value("soft"), stored);
    await store.revalidateTag("_N_T_/events/layout"); // same millisecond as the store
    expect(await store.get("/events/soft", read)).not.toBeNull(); // not one of its tags
    expect(await store.get("/events/soft", { ...read, softTags: ["_N_T_/events/layout"] })).toBe(
      null,
    );
  });

  it("leaves out a write that never finished and a file it cannot read", async () => {
    const at = fresh();
    await storeIn(at).set("/events/whole", value("whole"), stored);
    const root = path.join(at, STORE_DIRECTORY);
    const [name] = fs.readdirSync(root);
    fs.writeFileSync(path.join(root, `${name}.a1b2c3`), "half");
    fs.writeFileSync(path.join(root, "0".repeat(40)), "not an entry");
    const copy = fresh();
    fs.cpSync(root, path.join(copy, STORE_DIRECTORY), { recursive: true });
    expect(await storeIn(copy).get("/events/whole", read)).not.toBeNull();
    expect(fs.readdirSync(path.join(copy, STORE_DIRECTORY))).toEqual([name]);
  });

  it("forgets old revalidations past its bound, and still serves no entry stored before one", async () => {
    const at = fresh();
    const store = storeIn(at);
    vi.useFakeTimers({ now: Date.now(), toFake: ["Date"] });
    // A store whose write to disk began before a revalidation of its tag and ended after it:
    // the revalidation found nothing to delete, so only its time keeps the entry from a reader.
    const racing = store.set("/events/racing", value("racing"), stored);
    await store.revalidateTag("_N_T_/events/racing");
    await racing;
    // A soft tag the entry was not stored with, revalidated after it was stored.
    await store.set("/events/odd", value("odd"), stored);
    vi.advanceTimersByTime(1);
    await store.revalidateTag("_N_T_/events/odd-layout");
    vi.advanceTimersByTime(1);
    await store.set("/events/later", value("later"), stored);
    const oddRead = { ...read, softTags: ["_N_T_/events/odd-layout"] };

    // Months of edits later: many more tags revalidated than the store keeps times for.
    vi.advanceTimersByTime(5 * 60_000);
    for (let i = 0; i <= KEPT_REVALIDATIONS; i++) await store.revalidateTag(`_N_T_/leaders/${i}`);
    expect(store.revalidationsKept).toBeLessThanOrEqual(KEPT_REVALIDATIONS + 1);
    expect(store.revalidationsKept).toBeGreaterThan(0);

    const restarted = storeIn(at);
    expect(await restarted.get("/events/racing", read)).toBeNull();
    expect(await store.get("/events/odd", oddRead)).toBeNull();
    expect(await store.get("/events/later", read)).not.toBeNull();
    expect(
      await store.get("/events/later", { ...read, softTags: ["_N_T_/events/later"] }),
    ).not.toBe(null);
  });

  it("keeps entries in memory only when Next asks it not to write to disk", async () => {
    const at = fresh();
    const store = storeIn(at, false);
    await store.set("/events/memory", value("memory"), stored);
    expect(await store.get("/events/memory", read)).not.toBeNull();
    expect(fs.existsSync(path.join(at, STORE_DIRECTORY))).toBe(false);
  });
});

describe("negotiateEncoding", () => {
  it.each([
    ["gzip, deflate, br, zstd", "br"],
    ["gzip", "gzip"],
    ["br;q=0, gzip", "gzip"],
    ["gzip;q=0.5, br;q=0.4", "gzip"],
    ["*", "br"],
    ["*;q=0", null],
    ["identity", null],
    ["", null],
    ["deflate", null],
  ])("%j gets %j", (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});

describe("inlineScriptHashes", () => {
  it("hashes the text of inline scripts only, once each", () => {
    const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
    const hashes = inlineScriptHashes(
      `<script>a()</script><script src="/x.js"></script><script>a()</script><script id="b">b()</script>`,
    );
    expect(hashes).toEqual([sha("a()"), sha("b()")]);
  });
});
