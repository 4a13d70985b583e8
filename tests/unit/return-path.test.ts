import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/actions/form-state";

/** Where a browser goes with this Location header, from a page of this site. */
const lands = (location: string) => new URL(location, "https://rollcall.example/sign-in?next=x");

describe("safeReturnPath (where sign-in returns to)", () => {
  it("keeps this site's paths, percent-encoded for the Location header", () => {
    expect(safeReturnPath("/admin/sources?page=2#top")).toBe("/admin/sources?page=2#top");
    // Found by the reliability suite: a raw non-ASCII path made the redirect throw (HTTP 500).
    expect(safeReturnPath("/!𑩮")).toBe("/!%F0%91%A9%AE");
    expect(safeReturnPath("/admin/é")).toBe("/admin/%C3%A9");
    expect(safeReturnPath("/admin/../admin/sources")).toBe("/admin/sources");
  });

  it("refuses other origins, however they are spelled", () => {
    for (const value of [
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      // Dot segments that resolve to a protocol-relative path: another host.
      "/..//evil.example/phish",
      "/.%2e//evil.example",
      "/%2e%2e//evil.example",
      "/./..//evil.example",
      "/a/../..//evil.example",
      "/..\\/evil.example",
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

  it("never returns anything that leaves the site, for generated paths", () => {
    const piece = fc.oneof(
      fc.constantFrom("/", "//", "\\", ".", "..", "%2e", "%2E", "%2f", "%5c", "\t", "\n", "?", "#"),
      fc.constantFrom("evil.example", "@evil.example", ":80", "admin", "é", " "),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const value = `/${pieces.join("")}`;
        const out = safeReturnPath(value);
        expect(out.startsWith("/") && !/^\/[/\\]/.test(out), out).toBe(true);
        expect(lands(out).host, `${JSON.stringify(value)} → ${out}`).toBe("rollcall.example");
      }),
      { numRuns: 5000 },
    );
  });
});
