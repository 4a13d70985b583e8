import type { APIRequestContext } from "@playwright/test";
import { expect } from "../../fixtures";

/** Whether the page cache answered a reader's request for `path` ("HIT"), read without following a redirect. */
export async function cacheStateOf(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  return response.headers()["x-nextjs-cache"];
}

/**
 * Reads each page until the page cache answers it: the first read renders and stores it, but
 * none is stored for a few seconds after an edit that touched it (lib/cache/page-cache.mjs).
 */
export async function untilCached(request: APIRequestContext, paths: string[]) {
  for (const path of paths) {
    await expect
      .poll(() => cacheStateOf(request, path), { message: path, timeout: 20_000 })
      .toBe("HIT");
  }
}
