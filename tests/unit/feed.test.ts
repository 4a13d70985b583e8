import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { atomFeed, itemId } from "@/lib/feed/atom";
import { feedItems, type FeedRevision, type FeedSource } from "@/lib/history/feed-items";
import { embedCode } from "@/lib/embed/embed-code";
import { parseEmbeddableUrl } from "@/lib/validation/oembed";

const step = (
  id: number,
  status: string,
  asOf: string,
  sourceId = 1,
  quote = "Modi will not come",
) => ({
  id,
  status,
  asOf,
  note: "",
  citations: [{ sourceId, source: "Report", quote }],
});
const entry = (...story: ReturnType<typeof step>[]) => ({ leader: "Modi", event: "Parade", story });
const at = (minute: number) => new Date(Date.UTC(2025, 4, 6, 12, minute));
const revision = (id: number, before: FeedRevision["before"], after: FeedRevision["after"]) => ({
  id,
  entityId: 7,
  createdAt: at(id),
  actorName: "A. Editor",
  before,
  after,
});
const sources = new Map<number, FeedSource>([
  [1, { title: "Report", publisher: "Example Wire" }],
  [2, "deleted"],
]);

describe("feedItems", () => {
  it("makes one item per step recorded, changed or removed, newest first", () => {
    const items = feedItems(
      [
        revision(1, null, entry(step(10, "reported", "2025-05-01"))),
        revision(
          2,
          entry(step(10, "reported", "2025-05-01")),
          entry(step(10, "reported", "2025-05-01"), step(11, "declined", "2025-05-06")),
        ),
      ],
      sources,
    );
    expect(items.map((i) => i.title)).toEqual([
      "Modi: declined as of 6 May 2025 (Example Wire)",
      "Modi: reported as of 1 May 2025 (Example Wire)",
    ]);
    expect(items.every((i) => i.superseded === null)).toBe(true);
  });

  it("marks a step later removed (a mistake reverted) as no longer standing, updated when removed", () => {
    const one = entry(step(10, "reported", "2025-05-01"));
    const two = entry(step(10, "reported", "2025-05-01"), step(11, "declined", "2025-05-06"));
    const items = feedItems(
      [revision(1, null, one), revision(2, one, two), revision(3, two, one)],
      sources,
    );
    const mistaken = items.find((i) => i.kind === "recorded" && i.stepId === 11)!;
    expect(mistaken.superseded).toEqual({ kind: "removed", at: at(3) });
    expect(mistaken.updated).toEqual(at(3));
    expect(mistaken.published).toEqual(at(2));
    expect(items[0]!.title).toBe("Modi: step removed, declined as of 6 May 2025 (Example Wire)");
  });

  it("escapes a leader's name in the entry's title, which readers render as HTML", () => {
    const items = feedItems(
      [
        revision(1, null, {
          ...entry(step(10, "reported", "2025-05-01")),
          leader: "<img src=x onerror=alert(1)>",
        }),
      ],
      sources,
    );
    const xml = atomFeed({
      site: "https://rollcall.example",
      self: "/feed.xml",
      page: "/events",
      title: "T",
      subtitle: "S",
      items,
      liveEntries: new Set(),
      fallbackUpdated: new Date(0),
    });
    expect(xml).not.toContain("<img");
    expect(xml).toContain("&lt;img src=x onerror=alert(1)&gt;: reported");
  });

  it("leaves out the words of a source since deleted", () => {
    const items = feedItems(
      [revision(1, entry(step(10, "reported", "2025-05-01", 2, "secret words")), entry())],
      sources,
    );
    expect(items).toHaveLength(1);
    expect(items[0]!.quotes).toEqual([
      { sourceId: 2, quote: "", source: "a deleted source", deleted: true },
    ]);
    const xml = atomFeed({
      site: "https://rollcall.example",
      self: "/feed.xml",
      page: "/events",
      title: "T",
      subtitle: "S",
      items,
      liveEntries: new Set(),
      fallbackUpdated: new Date(0),
    });
    expect(xml).not.toContain("secret words");
  });
});

describe("atomFeed", () => {
  it("writes Atom with stable tag ids, escaped text and the latest update", () => {
    const items = feedItems(
      [
        revision(
          1,
          null,
          entry(step(10, "reported", "2025-05-01", 1, `<script>alert(1)</script> & "x"`)),
        ),
      ],
      sources,
    );
    const xml = atomFeed({
      site: "https://rollcall.example",
      self: "/events/parade/feed.xml",
      page: "/events/parade",
      title: "Parade",
      subtitle: "Its story",
      items,
      liveEntries: new Set([7]),
      fallbackUpdated: new Date(0),
    });
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(doc.feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(doc.feed.updated).toBe(at(1).toISOString());
    expect(doc.feed.entry.id).toBe(
      "tag:rollcall.example,2026:rollcall/revision/1/step/10/recorded",
    );
    expect(doc.feed.entry.id).toBe(itemId("https://rollcall.example", items[0]!));
    expect(String(doc.feed.entry.title["#text"])).toMatch(/^Modi: reported as of 1 May 2025/);
    const content = String(doc.feed.entry.content["#text"] ?? doc.feed.entry.content);
    expect(content).toContain("&lt;script&gt;");
    expect(content).not.toContain("<script>");
    expect(content).toContain('href="https://rollcall.example/attendance/7"');
  });
});

describe("embeds", () => {
  it("takes only this site's event pages, with their status and day", () => {
    const site = "https://rollcall.example";
    expect(
      parseEmbeddableUrl(`${site}/events/parade?status=declined&asOf=2025-05-06`, site),
    ).toEqual({
      slug: "parade",
      status: "declined",
      asOf: "2025-05-06",
    });
    expect(parseEmbeddableUrl(`${site}/embed/events/parade`, site)).toEqual({ slug: "parade" });
    expect(parseEmbeddableUrl("https://evil.example/events/parade", site)).toBeNull();
    expect(parseEmbeddableUrl(`${site}/changes`, site)).toBeNull();
    expect(parseEmbeddableUrl("not a url", site)).toBeNull();
  });

  it("escapes the event's name in the code", () => {
    const code = embedCode({ site: "https://r.example", slug: "x", eventName: `"><script>` });
    expect(code).not.toContain('<script>"');
    expect(code).toContain("&quot;&gt;&lt;script&gt;");
    expect(code).toContain('<script async src="https://r.example/embed.js"></script>');
  });
});
