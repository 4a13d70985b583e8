import { describe, expect, it } from "vitest";
import { parseQueryView, queryViewOf, queryViewSegment } from "@/lib/validation/query-view";

const of = (search: string) => queryViewOf(new URLSearchParams(search));

describe("a search or a day as one path segment", () => {
  it("gives every spelling of one query the same segment, and reads it back", () => {
    const segment = of("q=xi&asOf=2025-04-20&status=confirmed");
    expect(segment).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(of("status=confirmed&asOf=2025-04-20&q=xi")).toBe(segment);
    expect(of("status=bogus&status=confirmed&q=%20xi%20&asOf=2025-04-20&sort=name")).toBe(segment);
    expect(parseQueryView(segment!)).toEqual({
      status: "confirmed",
      q: "xi",
      sort: "name",
      day: "2025-04-20",
    });
  });

  it("keeps any script in one ASCII segment", () => {
    const segment = of("q=Путин");
    expect(segment).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(parseQueryView(segment!)?.q).toBe("Путин");
  });

  it("has none for a list without a search or a day, nor for a search too long for a segment", () => {
    expect(of("status=confirmed&sort=country")).toBeNull();
    expect(of("q=&asOf=")).toBeNull();
    expect(of("asOf=not-a-day")).toBeNull();
    expect(of(`q=${"x".repeat(160)}`)).toBeNull();
    expect(of(`q=${"x".repeat(100)}`)).not.toBeNull();
  });

  it("refuses a segment it did not make: another spelling, another alphabet, no search", () => {
    const canonical = queryViewSegment({ q: "xi", sort: "name" });
    expect(parseQueryView(canonical)).toEqual({ q: "xi", sort: "name" });
    const reordered = Buffer.from("sort=name&q=xi").toString("base64url");
    expect(parseQueryView(reordered)).toBeNull();
    expect(parseQueryView(Buffer.from("sort=country").toString("base64url"))).toBeNull();
    expect(parseQueryView("cT14aQ==")).toBeNull();
    expect(parseQueryView("../etc")).toBeNull();
  });
});
