import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { nodeFs } from "next/dist/server/lib/node-fs-methods.js";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import HtmlBufferCacheHandler, { RACE_WINDOW_MS } from "@/lib/cache/html-buffer-cache-handler.mjs";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rollcall-cache-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.useRealTimers());

const handler = () =>
  new HtmlBufferCacheHandler({
    fs: nodeFs,
    serverDistDir: dir,
    flushToDisk: false,
    revalidatedTags: [],
    maxMemoryCacheSize: 50 * 1024 * 1024,
  } as never);

const HTML = "<!DOCTYPE html><p>9 May 2025 · Moscow — Lula</p>";

/** A cached page as Next stores it, with the implicit tag of its path. */
const page = (slug: string) => ({
  kind: "APP_PAGE" as const,
  html: HTML,
  rscData: Buffer.from("rsc"),
  headers: { "x-next-cache-tags": `_N_T_/layout,_N_T_/events/${slug}` },
  postponed: undefined,
  status: 200,
  segmentData: undefined,
});

const set = (key: string, slug: string) =>
  handler().set(key, page(slug) as never, { cacheControl: { revalidate: false } } as never);
const get = (key: string) =>
  handler().get(key, { kind: "APP_PAGE", isRoutePPREnabled: false } as never) as Promise<{
    value: { html: unknown };
  } | null>;

describe("the page cache handler", () => {
  it("hands Next a cached page's HTML as UTF-8 bytes, converted once", async () => {
    await set("/events/a", "a");
    const first = await get("/events/a");
    expect(Buffer.isBuffer(first?.value.html)).toBe(true);
    expect((first!.value.html as Buffer).toString("utf8")).toBe(HTML);
    const second = await get("/events/a");
    expect(second!.value.html).toBe(first!.value.html);
  });

  it("does not keep a page rendered just after one of its tags was revalidated", async () => {
    await set("/events/b", "b");
    await new Promise((resolve) => setTimeout(resolve, 5)); // Next compares milliseconds
    await handler().revalidateTag(["_N_T_/events/b"]);
    expect(await get("/events/b")).toBeNull(); // the edit made it stale
    // A render that began before the edit finishes now: it is served, not stored.
    await set("/events/b", "b");
    expect(await get("/events/b")).toBeNull();
    // Pages of other events are stored as usual.
    await set("/events/c", "c");
    expect(await get("/events/c")).not.toBeNull();
  });

  it("keeps pages again once the window after the edit has passed", async () => {
    vi.useFakeTimers({ now: Date.now(), toFake: ["Date"] });
    await handler().revalidateTag("_N_T_/events/d");
    await set("/events/d", "d");
    expect(await get("/events/d")).toBeNull();
    vi.setSystemTime(Date.now() + RACE_WINDOW_MS + 1);
    await set("/events/d", "d");
    expect((await get("/events/d"))?.value.html).toBeInstanceOf(Buffer);
  });
});
