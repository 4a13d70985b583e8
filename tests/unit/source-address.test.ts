import { describe, expect, it } from "vitest";
import { sourceAddressKey, sourceTextKey } from "@/lib/sources/source-address";

describe("sourceAddressKey", () => {
  const key = sourceAddressKey("https://example.org/news/summit-report");

  it("ignores the scheme, www., a trailing slash, the fragment and tracking parameters", () => {
    for (const same of [
      "http://example.org/news/summit-report",
      "https://www.example.org/news/summit-report/",
      "https://WWW.Example.org/news/summit-report#top",
      "https://www.example.org/news/summit-report/?utm_source=newsletter&utm_medium=email",
      "https://example.org/news/summit-report?fbclid=abc&gclid=def",
      "https://example.org:443/news/summit-report",
    ]) {
      expect(sourceAddressKey(same), same).toBe(key);
    }
  });

  it("keeps what tells pages apart: the path, other parameters, another host", () => {
    expect(sourceAddressKey("https://example.org/news/other-report")).not.toBe(key);
    expect(sourceAddressKey("https://example.org/news/summit-report?page=2")).not.toBe(key);
    expect(sourceAddressKey("https://news.example.org/news/summit-report")).not.toBe(key);
    expect(sourceAddressKey("https://example.org/News/Summit-Report")).not.toBe(key);
  });

  it("sorts the parameters it keeps", () => {
    expect(sourceAddressKey("https://example.org/a?b=2&a=1&utm_campaign=x")).toBe(
      sourceAddressKey("https://example.org/a?a=1&b=2"),
    );
  });
});

describe("sourceTextKey", () => {
  it("treats line endings and surrounding space alike", () => {
    expect(sourceTextKey("  One.\r\nTwo.\n")).toBe(sourceTextKey("One.\nTwo."));
    expect(sourceTextKey("One.\nTwo.")).not.toBe(sourceTextKey("One. Two."));
  });
});
