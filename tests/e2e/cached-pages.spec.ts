import type { APIRequestContext, Page } from "@playwright/test";
import {
  addSourceText,
  createEntry,
  createEvent,
  createLeader,
  createSource,
  SAMPLE_ARTICLE,
  unique,
} from "../factories";
import { expect, test as base, type TestEvent } from "../fixtures";
import { cacheStateOf, untilCached } from "./helpers/page-cache";
import { addDeclinedStep } from "./helpers/steps";

/**
 * The pages of an entry, a leader, a source and a source's older text are served from the page
 * cache like the lists (lib/cache/cached-routes.mjs), and each edit revalidates exactly the
 * pages that show what it changed (lib/actions/revalidate.ts): the very next reader of such a
 * page sees the edit, and every other page is still the stored one.
 */

const test = base.extend<{ reader: Page }>({
  /** A reader without JavaScript and without a session: what the server sends is what they read. */
  reader: async ({ browser }, use) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await use(await context.newPage());
    await context.close();
  },
});

test.describe.configure({ timeout: 90_000 });

const ANNA = "Ruritania's President Anna Example will attend the Harbour Summit";
const BORIS = "Borduria's leader Boris Sample is expected to attend";
const KINBOTE = "Zembla’s Prime Minister Kinbote “will not travel”";

/**
 * Anna, confirmed as of 1 May 2000 at the test event, citing its source. At another event,
 * citing another source: Boris, and Kinbote, whom Anna represents there.
 */
async function world(db: Parameters<typeof createEntry>[0], testEvent: TestEvent) {
  const id = unique();
  const other = await createEvent(db);
  const otherSource = await createSource(db);
  const anna = await createEntry(db, {
    eventId: testEvent.id,
    leader: { name: `Anna Example ${id}` },
    steps: [
      {
        status: "confirmed",
        asOf: "2000-05-01",
        citations: [{ sourceId: testEvent.sourceId, quote: ANNA }],
      },
    ],
  });
  const boris = await createEntry(db, {
    eventId: other.id,
    leader: { name: `Boris Sample ${id}`, polity: "Borduria" },
    steps: [
      {
        status: "reported",
        asOf: "2000-05-01",
        citations: [{ sourceId: otherSource.id, quote: BORIS }],
      },
    ],
  });
  const kinbote = await createEntry(db, {
    eventId: other.id,
    leader: { name: `Kinbote ${id}`, office: "Prime Minister", polity: "Zembla" },
    steps: [
      {
        status: "declined",
        asOf: "2000-05-02",
        representativeId: anna.leaderId,
        citations: [{ sourceId: otherSource.id, quote: KINBOTE }],
      },
    ],
  });
  return {
    id,
    anna,
    annaPages: {
      entry: `/attendance/${anna.id}`,
      leader: `/leaders/${anna.leaderId}`,
      source: `/sources/${testEvent.sourceId}`,
    },
    /** Shows Anna as his representative. */
    kinbotePage: `/attendance/${kinbote.id}`,
    /** Boris's pages and the other source's: none of the edits below touches them. */
    otherPages: [
      `/attendance/${boris.id}`,
      `/leaders/${boris.leaderId}`,
      `/sources/${otherSource.id}`,
    ],
  };
}

/** The edit did not touch these: the first read after it is still the stored page. */
async function stillCached(request: APIRequestContext, paths: string[]) {
  for (const path of paths) expect(await cacheStateOf(request, path), path).toBe("HIT");
}

test("an entry's, a leader's, a source's and an older text's pages come from the cache from the second read on", async ({
  testEvent,
  db,
  request,
  reader,
  browser,
}) => {
  const w = await world(db, testEvent);
  // A second text of the source: its first becomes an older text, with a page of its own.
  await addSourceText(db, testEvent.sourceId, `${SAMPLE_ARTICLE} The summit opens at noon.`);
  const olderText = `/sources/${testEvent.sourceId}/versions/1`;

  for (const path of [...Object.values(w.annaPages), olderText]) {
    expect((await request.get(path)).status(), path).toBe(200);
    const response = await request.get(path);
    expect(response.headers()["x-nextjs-cache"], path).toBe("HIT");
    // A document (lib/cache/static-page.mjs): no script to load, and none allowed inline.
    const policy = response.headers()["content-security-policy"];
    expect(policy, path).not.toMatch(/'nonce-|'sha256-/);
    const html = await response.text();
    expect(html, path).toContain("</h1>");
    expect(html, path).not.toMatch(/<script\b/);
  }

  // An address that shows nothing answers 404 every time, and nothing is stored for it.
  for (const path of [
    "/attendance/999999999",
    "/leaders/999999999",
    "/sources/999999999",
    `/sources/${testEvent.sourceId}/versions/99`,
  ]) {
    for (let i = 0; i < 2; i++) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(response.headers()["x-nextjs-cache"], path).not.toBe("HIT");
    }
  }

  // Without JavaScript: the cached entry page reads, and its citation lands on the passage.
  await reader.goto(w.annaPages.entry);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(w.anna.leader.name);
  await reader.getByRole("link", { name: "See it in the stored article (citation 1)" }).click();
  await expect(reader.locator("mark:target")).toHaveText(ANNA);

  // With it, the same: the page loads no script, so nothing is refused and nothing hydrates,
  // and its links are plain links.
  const context = await browser.newContext();
  try {
    const app = await context.newPage();
    const violations: string[] = [];
    const scripts: string[] = [];
    app.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    app.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(r.url());
    });
    await app.goto(w.annaPages.leader, { waitUntil: "networkidle" });
    await expect(app.getByRole("heading", { level: 1 })).toHaveText(w.anna.leader.name);
    expect(scripts).toEqual([]);
    expect(await app.evaluate(() => "next" in window || "__next_f" in window)).toBe(false);
    expect(violations).toEqual([]);
    // The event's link leads to the entry's page, itself a document.
    await app.locator(`main a[href="${w.annaPages.entry}"]`).click();
    await expect(app).toHaveURL(new RegExp(`${w.annaPages.entry}$`));
    await expect(app.getByRole("heading", { level: 1 })).toHaveText(w.anna.leader.name);
    expect(scripts).toEqual([]);
  } finally {
    await context.close();
  }
});

test("a new step shows at once on the entry's, the leader's and the source's pages; the others stay cached", async ({
  signedIn: page,
  testEvent,
  db,
  request,
  reader,
}) => {
  const w = await world(db, testEvent);
  await untilCached(request, [...Object.values(w.annaPages), w.kinbotePage, ...w.otherPages]);

  await page.goto(`/admin/entries/${w.anna.id}`);
  await addDeclinedStep(page, testEvent);

  await reader.goto(w.annaPages.entry);
  await expect(reader.getByRole("main")).toContainText("As of 20 May 2000.");
  await reader.goto(w.annaPages.leader);
  await expect(reader.getByRole("listitem").filter({ hasText: testEvent.name })).toContainText(
    "Declined",
  );
  await reader.goto(w.annaPages.source);
  await expect(reader.getByRole("main")).toContainText(
    `${w.anna.leader.name} (current: declined, as of 20 May 2000)`,
  );
  await expect(reader.getByRole("main")).toContainText(
    `${w.anna.leader.name} (earlier step: confirmed, as of 1 May 2000)`,
  );
  await stillCached(request, [w.kinbotePage, ...w.otherPages]);
});

test("a leader's new name shows at once wherever it is shown, a representative's too; the others stay cached", async ({
  signedIn: page,
  testEvent,
  db,
  request,
  reader,
}) => {
  const w = await world(db, testEvent);
  await untilCached(request, [...Object.values(w.annaPages), w.kinbotePage, ...w.otherPages]);

  const renamed = `Anna Renamed ${w.id}`;
  await page.goto(`/admin/leaders/${w.anna.leaderId}`);
  await page.getByLabel("Name", { exact: true }).fill(renamed);
  await page.getByRole("button", { name: "Save leader" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  for (const path of [w.annaPages.entry, w.annaPages.leader]) {
    await reader.goto(path);
    await expect(reader.getByRole("heading", { level: 1 }), path).toHaveText(renamed);
  }
  await reader.goto(w.annaPages.source);
  await expect(reader.getByRole("main")).toContainText(`${renamed} (current: confirmed`);
  await reader.goto(w.kinbotePage);
  await expect(reader.getByRole("main")).toContainText(`Represented by President ${renamed}.`);
  // Kinbote's source names him, not the one who represented him.
  await stillCached(request, w.otherPages);
});

test("a source's new title and text show at once on its pages and its citing entry's; the others stay cached", async ({
  signedIn: page,
  testEvent,
  db,
  request,
  reader,
}) => {
  const w = await world(db, testEvent);
  // Its one text's address: cached as the redirect to the source's page.
  const olderText = `/sources/${testEvent.sourceId}/versions/1`;
  await untilCached(request, [...Object.values(w.annaPages), olderText, ...w.otherPages]);

  const title = `Harbour Summit report, updated ${w.id}`;
  await page.goto(`/admin/sources/${testEvent.sourceId}`);
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Full text").fill(`${SAMPLE_ARTICLE} The summit opens at noon (${w.id}).`);
  await page.getByRole("button", { name: "Save source" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 2" })).toBeVisible();

  await reader.goto(w.annaPages.source);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  await reader.goto(w.annaPages.entry);
  await expect(
    reader.getByRole("region", { name: "Citations of the current status" }),
  ).toContainText(`[1] ${title}, Example Wire`);
  // The first text is an older one now: a page of its own, no longer the redirect.
  await reader.goto(olderText);
  await expect(reader).toHaveURL(new RegExp(`${olderText}$`));
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(reader.getByRole("note")).toContainText("This is version 1 of 2");
  // A leader's page names no source.
  await stillCached(request, [w.annaPages.leader, ...w.otherPages]);
});

test("an event's new name shows at once on its entries' and their leaders' pages; the others stay cached", async ({
  signedIn: page,
  testEvent,
  db,
  request,
  reader,
}) => {
  const w = await world(db, testEvent);
  await untilCached(request, [...Object.values(w.annaPages), ...w.otherPages]);

  const name = `Harbour Summit renamed ${w.id}`;
  await page.goto(`/admin/events/${testEvent.id}`);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Save event" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  await reader.goto(w.annaPages.entry);
  await expect(reader.getByRole("navigation", { name: "Breadcrumb" })).toContainText(name);
  await reader.goto(w.annaPages.leader);
  await expect(reader.getByRole("main").getByRole("link", { name })).toBeVisible();
  // Its address did not change, and a source's page shows nothing else of an event.
  await stillCached(request, [w.annaPages.source, ...w.otherPages]);
});

test("a deleted leader's and source's pages, and the source's older text, answer 404 at once", async ({
  signedIn: page,
  db,
  request,
}) => {
  const id = unique();
  const leader = await createLeader(db, { name: `Unused ${id}` });
  const source = await createSource(db, { title: `Unused report ${id}` });
  await addSourceText(db, source.id, `${SAMPLE_ARTICLE} The summit opens at noon.`);
  const paths = [
    `/leaders/${leader.id}`,
    `/sources/${source.id}`,
    `/sources/${source.id}/versions/1`,
  ];
  await untilCached(request, paths);

  await page.goto(`/admin/leaders/${leader.id}`);
  await page.getByRole("link", { name: `Delete ${leader.name}` }).click();
  await page.getByRole("button", { name: `Delete ${leader.name}` }).click();
  await expect(page.getByText("The leader was deleted.")).toBeVisible();
  await page.goto(`/admin/sources/${source.id}`);
  await page.getByRole("link", { name: "Delete source" }).click();
  await page.getByRole("button", { name: "Delete source" }).click();
  await expect(page.getByText("The source was deleted.")).toBeVisible();

  // Its older text is not readable there any more either.
  for (const path of paths) expect((await request.get(path)).status(), path).toBe(404);
});
