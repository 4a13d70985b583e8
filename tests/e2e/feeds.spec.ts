import { XMLParser } from "fast-xml-parser";
import type { APIRequestContext } from "@playwright/test";
import { createEntry } from "../factories";
import { expect, test } from "../fixtures";
import { addDeclinedStep, chooseSource } from "./helpers/steps";

/**
 * An event's Atom feed tells its story as the record of edits has it: a step added in the
 * admin is in it at the next request, a step reverted away is marked as no longer standing,
 * and every link in it opens.
 */
type AtomLink = { "@_href": string; "@_rel"?: string };
type AtomText = string | { "#text": string };
type AtomEntry = {
  id: string;
  title: AtomText;
  updated: string;
  published?: string;
  link: AtomLink | AtomLink[];
  content: AtomText;
};

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "entry" });

async function readFeed(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await response.text();
  const doc = parser.parse(xml);
  expect(doc.feed, "the document is an Atom feed").toBeTruthy();
  expect(doc.feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
  const entries: AtomEntry[] = doc.feed.entry ?? [];
  return { response, xml, feed: doc.feed, entries };
}

const hrefOf = (entry: AtomEntry) => [entry.link].flat()[0]!["@_href"];
const textOf = (text: AtomText) => (typeof text === "string" ? text : text["#text"]);
const titlesOf = (entries: AtomEntry[]) => entries.map((e) => textOf(e.title));

test("a step added in the admin is in the event's feed at the next request, and its links open", async ({
  signedIn: page,
  testEvent,
  db,
  request,
}) => {
  const leader = `Ottokar Feed ${testEvent.id}`;
  const { id: entryId } = await createEntry(db, {
    eventId: testEvent.id,
    leader: { name: leader, polity: "Syldavia" },
    steps: [
      {
        status: "confirmed",
        asOf: "2000-05-01",
        citations: [{ sourceId: testEvent.sourceId, quote: "Syldavia's King Ottokar" }],
      },
    ],
  });
  const feedPath = `/events/${testEvent.slug}/feed.xml`;

  // The event page and the home page say where their feeds are.
  await page.goto(`/events/${testEvent.slug}`);
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
    "href",
    new RegExp(`/events/${testEvent.slug}/feed\\.xml$`),
  );
  await page.goto("/events");
  const before = await readFeed(request, feedPath);
  expect(titlesOf(before.entries)).toContain(
    `${leader}: confirmed as of 1 May 2000 (Example Wire)`,
  );
  expect(before.response.headers()["cache-control"]).toMatch(/^public, max-age=0, s-maxage=\d+/);

  await page.goto(`/admin/entries/${entryId}`);
  await addDeclinedStep(page, testEvent);

  const after = await readFeed(request, feedPath);
  const declined = after.entries.find(
    (e) => textOf(e.title) === `${leader}: declined as of 20 May 2000 (Example Wire)`,
  );
  expect(declined, titlesOf(after.entries).join("\n")).toBeTruthy();
  // The content is HTML: the quote as a reader sees it, its apostrophe escaped.
  expect(textOf(declined!.content)).toContain(
    "“Syldavia&#39;s King Ottokar declined the invitation.”",
  );
  expect(hrefOf(declined!)).toMatch(new RegExp(`/attendance/${entryId}$`));
  expect(Date.parse(declined!.updated)).toBeGreaterThan(Date.now() - 5 * 60_000);
  expect(Date.parse(after.feed.updated)).toBe(Date.parse(declined!.updated));

  // Stable ids: the earlier item keeps its id, and no two items share one.
  const ids = after.entries.map((e) => e.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of before.entries.map((e) => e.id)) expect(ids).toContain(id);
  expect(ids.every((id) => id.startsWith("tag:localhost,2026:rollcall/revision/"))).toBe(true);

  // Every link of the feed opens: the entries, the sources, the event page, the feed itself.
  const links = new Set<string>([
    ...[after.feed.link].flat().map((l: AtomLink) => l["@_href"]),
    ...after.entries.map(hrefOf),
    ...after.entries.flatMap((e) =>
      [...textOf(e.content).matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&")),
    ),
  ]);
  expect(links.size).toBeGreaterThan(3);
  for (const link of links) {
    expect((await request.get(link)).status(), link).toBe(200);
  }
});

test("a step restored away is marked as no longer standing, and the site's feed has it too", async ({
  signedIn: page,
  testEvent,
  db,
  request,
}) => {
  const leader = `Kinbote Feed ${testEvent.id}`;
  const { id: entryId } = await createEntry(db, {
    eventId: testEvent.id,
    leader: { name: leader, polity: "Zembla" },
    steps: [
      {
        status: "confirmed",
        asOf: "2000-05-01",
        citations: [{ sourceId: testEvent.sourceId, quote: "Zembla’s Prime Minister Kinbote" }],
      },
    ],
  });
  const first = await db.revision.findFirstOrThrow({
    where: { entityType: "attendance", entityId: entryId },
    orderBy: { id: "asc" },
  });
  await page.goto(`/admin/entries/${entryId}`);
  const add = page.getByRole("form", { name: "Add a step" });
  await add.getByRole("radio", { name: /^Declined/ }).check();
  await add.getByLabel("As of").fill("2000-05-20");
  await chooseSource(add.getByLabel("Source of citation 1"), testEvent.sourceTitle);
  await add.getByLabel("Quote of citation 1").fill("Kinbote “will not travel”");
  await add.getByRole("button", { name: "Add step" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Step added" })).toBeVisible();

  // The step was a mistake: the first version is restored.
  await page.goto(`/admin/entries/${entryId}/revert/${first.id}`);
  await page.getByRole("button", { name: "Restore this version" }).click();
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: "Reverted. The public pages show the restored entry now." }),
  ).toBeVisible();

  const { entries } = await readFeed(request, `/events/${testEvent.slug}/feed.xml`);
  const titles = titlesOf(entries);
  const mistaken = entries.find((e) =>
    textOf(e.title).includes(`${leader}: declined as of 20 May 2000`),
  );
  expect(mistaken, titles.join("\n")).toBeTruthy();
  expect(textOf(mistaken!.title)).toMatch(/^\[Removed since\] /);
  expect(textOf(mistaken!.content)).toContain("it no longer stands");
  expect(titles).toContain(`${leader}: step removed, declined as of 20 May 2000 (Example Wire)`);
  // The removal is the newest news, so the mistaken item is updated by it.
  expect(Date.parse(mistaken!.updated)).toBeGreaterThan(Date.parse(mistaken!.published!));

  const site = await readFeed(request, "/feed.xml");
  expect(titlesOf(site.entries)).toContain(
    `${leader}: step removed, declined as of 20 May 2000 (Example Wire)`,
  );
});
