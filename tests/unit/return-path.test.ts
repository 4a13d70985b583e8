import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/actions/form-state";

describe("safeReturnPath (where sign-in returns to)", () => {
  it("keeps this site's paths, percent-encoded for the Location header", () => {
    expect(safeReturnPath("/admin/sources?page=2#top")).toBe("/admin/sources?page=2#top");
    // Found by the reliability suite: a raw non-ASCII path made the redirect throw (HTTP 500).
    expect(safeReturnPath("/!𑩮")).toBe("/!%F0%91%A9%AE");
    expect(safeReturnPath("/admin/é")).toBe("/admin/%C3%A9");
  });

  it("refuses other origins, however they are spelled", () => {
    for (const value of [
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "admin",
      "",
      null,
      ["/admin"],
    ]) {
      expect(safeReturnPath(value), JSON.stringify(value)).toBe("/admin");
    }
  });
});
