import { describe, expect, it } from "vitest";
import {
  embedViewOf,
  parseEmbedView,
  parseQueryView,
  queryViewOf,
  queryViewSegment,
} from "@/lib/validation/query-view";

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

describe("an embed's state as one path segment", () => {
  it("is `all` for none, and one segment for every spelling of a status and a day", () => {
    const embedOf = (search: string) => embedViewOf(new URLSearchParams(search));
    expect(embedOf("")).toBe("all");
    expect(embedOf("status=&asOf=&q=xi&sort=country")).toBe("all");
    const segment = embedOf("asOf=2025-05-01&status=declined");
    expect(embedOf("status=bogus&status=declined&asOf=2025-05-01")).toBe(segment);
    expect(parseEmbedView(segment)).toEqual({ status: "declined", day: "2025-05-01" });
    expect(parseEmbedView("all")).toEqual({});
  });

  it("refuses a segment it did not make", () => {
    expect(
      parseEmbedView(Buffer.from("asOf=2025-05-01&status=declined").toString("base64url")),
    ).toBeNull();
    expect(parseEmbedView(Buffer.from("q=xi").toString("base64url"))).toBeNull();
    expect(
      parseEmbedView(Buffer.from("status=confirmed&sort=country").toString("base64url")),
    ).toBeNull();
    expect(parseEmbedView("All")).toBeNull();
  });
});
