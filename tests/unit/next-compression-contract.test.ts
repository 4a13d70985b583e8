import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
// @ts-expect-error Next bundles the compression package without its types.
import compression from "next/dist/compiled/compression";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The CSV exports are sent uncompressed by marking them no-transform (lib/api/csv-export.ts):
 * Next compresses responses with the compression package it bundles, which leaves a response
 * whose Cache-Control says no-transform as it is. This checks that package, as the installed
 * Next bundles it: when an upgrade changes it, this fails before a whole-site export is
 * compressed chunk by chunk again.
 */
const CSV = "leader,note\r\n".repeat(1_000);

let server: http.Server;
let origin: string;

beforeAll(async () => {
  const compress = compression();
  server = http.createServer((req, res) => {
    compress(req, res, () => {
      res.setHeader("Content-Type", "text/csv; charset=utf-8");
      res.setHeader("Cache-Control", req.url === "/export" ? "no-store, no-transform" : "no-store");
      res.end(CSV);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The response's Content-Encoding and its bytes, decoded, for a client that asks for gzip. */
function get(path: string): Promise<{ encoding: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${origin}${path}`, { headers: { "Accept-Encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const bytes = Buffer.concat(chunks);
          const encoding = res.headers["content-encoding"];
          const body = (encoding === "gzip" ? zlib.gunzipSync(bytes) : bytes).toString("utf8");
          resolve({ encoding, body });
        });
      })
      .on("error", reject);
  });
}

describe("Next's compression", () => {
  it("gzips a CSV response for a client that asks for it", async () => {
    expect(await get("/other")).toEqual({ encoding: "gzip", body: CSV });
  });

  it("leaves a no-transform response as it was written", async () => {
    expect(await get("/export")).toEqual({ encoding: undefined, body: CSV });
  });
});
