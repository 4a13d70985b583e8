import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { nodeFs } from "next/dist/server/lib/node-fs-methods.js";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import PageCacheHandler from "@/lib/cache/file-system-page-cache-handler.mjs";
import { RACE_WINDOW_MS, configurePageCache } from "@/lib/cache/page-cache.mjs";
import { withRequest } from "@/lib/cache/request-context.mjs";
import { negotiateEncoding } from "@/lib/cache/encodings.mjs";
import { inlineScriptHashes } from "@/lib/security/content-security-policy.mjs";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rollcall-cache-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());
beforeEach(() =>
  configurePageCache({ namespace: "database-a", cacheControl: "public, s-maxage=60" }),
);

const handler = () =>
  new PageCacheHandler({
    fs: nodeFs,
    serverDistDir: dir,
    flushToDisk: true,
    revalidatedTags: [],
    maxMemoryCacheSize: 50 * 1024 * 1024,
  } as never);

const SCRIPT = 'self.__next_f.push([1,"9 May 2025"])';
const HTML = `<!DOCTYPE html><p>9 May 2025 · Moscow — Lula</p><script>${SCRIPT}</script><script src="/_next/a.js" async=""></script>`;

/** A cached page as Next stores it, with the implicit tag of its path. */
const page = (slug: string, html = HTML) => ({
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

  it("serves no page stored from another database, nor one without a stamp", async () => {
    await set("/events/other", page("other"));
    expect(await get("/events/other")).not.toBeNull();
    configurePageCache({ namespace: "database-b", cacheControl: "public, s-maxage=60" });
    expect(await get("/events/other")).toBeNull();
    // As `next build` leaves a prerendered page: no stamp at all.
    const base = new (Object.getPrototypeOf(handler().backend).constructor)({
      fs: nodeFs,
      serverDistDir: dir,
      flushToDisk: true,
      revalidatedTags: [],
      maxMemoryCacheSize: 50 * 1024 * 1024,
    });
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
