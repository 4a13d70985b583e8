import { describe, expect, it } from "vitest";
import { encodeOffsetCursor } from "@/lib/api/cursor";
import { requestOrigin } from "@/lib/api/origin";
import { parseExportOptions } from "@/lib/validation/export";
import { parsePageQuery } from "@/lib/validation/page";

const page = (search: string) => parsePageQuery(new URLSearchParams(search));
const crafted = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("parsePageQuery", () => {
  it("defaults to the first 500 entries", () => {
    expect(page("")).toEqual({ ok: true, page: { limit: 500, offset: 0 } });
    expect(page("limit=&cursor=")).toEqual({ ok: true, page: { limit: 500, offset: 0 } });
  });

  it("reads back the offset a cursor was made from", () => {
    const cursor = encodeOffsetCursor(1000);
    expect(page(`limit=1000&cursor=${cursor}`)).toEqual({
      ok: true,
      page: { limit: 1000, offset: 1000 },
    });
  });

  it("refuses limits outside 1 to 1000, and cursors it did not make", () => {
    for (const search of ["limit=0", "limit=1001", "limit=-1", "limit=1e9", "limit=ten"]) {
      expect(page(search), search).toEqual({
        ok: false,
        message: "limit must be a whole number from 1 to 1000.",
      });
    }
    for (const cursor of ["abc", crafted({ offset: -5 }), crafted({ offset: 1.5 }), crafted([])]) {
      expect(page(`cursor=${cursor}`).ok, cursor).toBe(false);
    }
  });
});

describe("parseExportOptions", () => {
  const options = (search: string) => parseExportOptions(new URLSearchParams(search));

  it("writes the wide format without a byte-order mark unless asked", () => {
    expect(options("")).toEqual({ ok: true, options: { format: "wide", bom: false } });
    expect(options("format=long&bom=1")).toEqual({
      ok: true,
      options: { format: "long", bom: true },
    });
    expect(options("bom=0")).toEqual({ ok: true, options: { format: "wide", bom: false } });
  });

  it("refuses an unknown format rather than sending other columns", () => {
    expect(options("format=xlsx")).toEqual({ ok: false, message: "format must be wide or long." });
  });
});

describe("requestOrigin", () => {
  const origin = (headers: Record<string, string>) =>
    requestOrigin(new Request("http://localhost:3000/attendance.csv", { headers }));

  it("uses the host the reader asked for, not the one the server listens on", () => {
    expect(origin({ host: "rollcall.example.org" })).toBe("http://rollcall.example.org");
    expect(origin({ host: "127.0.0.1:3201" })).toBe("http://127.0.0.1:3201");
    expect(origin({})).toBe("http://localhost:3000");
  });

  it("follows a proxy's forwarded host and protocol", () => {
    expect(
      origin({
        host: "127.0.0.1:3000",
        "x-forwarded-host": "rollcall.example.org, proxy.internal",
        "x-forwarded-proto": "https",
      }),
    ).toBe("https://rollcall.example.org");
  });

  it("ignores a malformed host or protocol", () => {
    expect(origin({ host: "evil.example/path?" })).toBe("http://localhost:3000");
    expect(origin({ host: "a b" })).toBe("http://localhost:3000");
    expect(origin({ host: "rollcall.example.org", "x-forwarded-proto": "javascript" })).toBe(
      "http://rollcall.example.org",
    );
  });
});
