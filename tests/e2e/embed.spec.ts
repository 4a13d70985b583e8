import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { createEntry } from "../factories";
import { expect, test, type TestEvent } from "../fixtures";
import { expectNoSeriousA11yViolations } from "./helpers/a11y";

/**
 * An event's list embedded in another site's page through its oEmbed code: it loads there,
 * sizes its iframe to its content, opens its leaders' pages in the top window; every page but
 * the embed still refuses to be framed.
 */
let host: http.Server;
let hostOrigin: string;
/** The pages the host site serves, by path: each test puts its own. */
const hostPages = new Map<string, string>();

test.beforeAll(async () => {
  host = http.createServer((req, res) => {
    const body = hostPages.get(req.url ?? "");
    res.writeHead(body ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    res.end(body ?? "not found");
  });
  await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
  hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  await new Promise((resolve) => host.close(resolve));
});

const hostPage = (path: string, body: string) => {
  hostPages.set(
    path,
    `<!doctype html><html lang="en"><head><title>A newsroom's story</title>` +
      `<meta name="viewport" content="width=device-width"></head>` +
      `<body style="margin:0"><h1>Our story</h1>${body}<p>After the embed.</p></body></html>`,
  );
  return `${hostOrigin}${path}`;
};

async function eventWithLeaders(db: Parameters<typeof createEntry>[0], event: TestEvent) {
  const quotes = [
    ["Anna Embed", "Ruritania", "confirmed", "Ruritania's President Anna Example will attend"],
    ["Boris Embed", "Borduria", "reported", "Boris Sample is expected to attend"],
    ["Ottokar Embed", "Syldavia", "declined", "Syldavia's King Ottokar declined the invitation."],
  ] as const;
  const ids: number[] = [];
  for (const [name, polity, status, quote] of quotes) {
    const entry = await createEntry(db, {
      eventId: event.id,
      leader: { name: `${name} ${event.id}`, polity },
      steps: [{ status, asOf: "2000-05-01", citations: [{ sourceId: event.sourceId, quote }] }],
    });
    ids.push(entry.id);
  }
  return ids;
}

async function oembedHtml(page: Page, url: string) {
  const response = await page.request.get(
    `/api/oembed?${new URLSearchParams({ url, format: "json", maxwidth: "900" })}`,
  );
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ version: "1.0", type: "rich", provider_name: "Rollcall" });
  expect(body.width).toBe(900);
  return body.html as string;
}

/** The iframe's height on the host page and the height of the embed's content inside it. */
async function heights(page: Page) {
  const frame = page.frameLocator("iframe[data-rollcall-embed]");
  const outer = await page.locator("iframe[data-rollcall-embed]").evaluate((f) => f.clientHeight);
  const inner = await frame
    .locator("[data-embed]")
    .evaluate((e) => Math.ceil(e.getBoundingClientRect().bottom));
  return { outer, inner };
}

test("a page on another site embeds the list through the oEmbed code; the iframe fits its content at 360 and 1024 px", async ({
  page,
  testEvent,
  db,
}) => {
  const [annaId] = await eventWithLeaders(db, testEvent);
  // The event page says where its oEmbed description is.
  await page.goto(`/events/${testEvent.slug}`);
  const oembedLink = page.locator('link[rel="alternate"][type="application/json+oembed"]');
  const discovered = new URL((await oembedLink.getAttribute("href"))!, page.url());
  expect(discovered.searchParams.get("url")).toBe(
    new URL(`/events/${testEvent.slug}`, page.url()).href,
  );
  const described = await page.request.get(discovered.href);
  expect(described.status()).toBe(200);
  expect(await described.json()).toMatchObject({
    type: "rich",
    title: `Who attends the ${testEvent.name}`,
  });
  // The Embed disclosure gives the same code, with a link for pages that run no script.
  await page.getByText("Embed this list or follow its changes").click();
  const code = await page.getByLabel(/Paste this code into your page/).inputValue();
  expect(code).toContain(`/embed/events/${testEvent.slug}"`);
  expect(code).toContain("<noscript><a href=");

  const html = await oembedHtml(page, new URL(`/events/${testEvent.slug}`, page.url()).href);
  const url = hostPage(`/story-${testEvent.id}`, html);

  for (const width of [360, 1024]) {
    await page.setViewportSize({ width, height: 700 });
    await page.goto(url);
    const frame = page.frameLocator("iframe[data-rollcall-embed]");
    await expect(frame.getByRole("heading", { level: 1, name: testEvent.name })).toBeVisible();
    await expect(frame.getByRole("link", { name: `Anna Embed ${testEvent.id}` })).toBeVisible();
    await expect
      .poll(async () => {
        const { outer, inner } = await heights(page);
        return Math.abs(outer - inner);
      }, `at ${width} px the iframe is as tall as its content`)
      .toBeLessThanOrEqual(2);
    // Nothing of the embed is cut off or scrolls inside the frame: the text after it follows.
    const { outer } = await heights(page);
    expect(outer).not.toBe(600);
    await expect(page.getByText("After the embed.")).toBeVisible();
  }

  // A leader opens in the top window, on Rollcall.
  await page
    .frameLocator("iframe[data-rollcall-embed]")
    .getByRole("link", { name: `Anna Embed ${testEvent.id}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`^http://localhost:\\d+/attendance/${annaId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Anna Embed ${testEvent.id}`);
});

test("the embed keeps a status and a day in its address and meets the accessibility bar", async ({
  page,
  testEvent,
  db,
  baseURL,
}) => {
  await eventWithLeaders(db, testEvent);
  const html = await oembedHtml(
    page,
    `${baseURL}/events/${testEvent.slug}?status=declined&asOf=2000-05-15`,
  );
  expect(html).toContain(`/embed/events/${testEvent.slug}?status=declined&amp;asOf=2000-05-15`);
  await page.goto(`/embed/events/${testEvent.slug}?status=declined&asOf=2000-05-15`);
  await expect(
    page.getByText("Declined only, as the reports stood at the end of 15 May 2000"),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: `Ottokar Embed ${testEvent.id}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Anna Embed ${testEvent.id}` })).toHaveCount(0);
  for (const link of await page.getByRole("link").all()) {
    await expect(link).toHaveAttribute("target", "_top");
  }
  await expectNoSeriousA11yViolations(page);
});

test("oEmbed refuses what it cannot embed: another site, another page, xml", async ({
  request,
  testEvent,
  baseURL,
}) => {
  const ask = (params: Record<string, string>) =>
    request.get(`/api/oembed?${new URLSearchParams(params)}`);
  expect((await ask({ url: `https://example.org/events/${testEvent.slug}` })).status()).toBe(404);
  expect((await ask({ url: `${baseURL}/changes` })).status()).toBe(404);
  expect((await ask({ url: `${baseURL}/events/no-such-event-anywhere` })).status()).toBe(404);
  expect((await ask({})).status()).toBe(400);
  expect(
    (await ask({ url: `${baseURL}/events/${testEvent.slug}`, maxwidth: "wide" })).status(),
  ).toBe(400);
  const xml = await ask({ url: `${baseURL}/events/${testEvent.slug}`, format: "xml" });
  expect(xml.status()).toBe(501);
  const refused = await ask({ url: "https://example.org/" });
  expect((await refused.json()).error).toMatch(
    /Only event pages of http:\/\/localhost:\d+ can be embedded/,
  );
});

test("every page but the embed refuses to be framed", async ({
  page,
  request,
  testEvent,
  db,
  baseURL,
}) => {
  const [entryId] = await eventWithLeaders(db, testEvent);
  const framed = [
    "/",
    `/events/${testEvent.slug}`,
    `/events/${testEvent.slug}?status=confirmed`,
    `/events/${testEvent.slug}?asOf=2000-05-15`,
    "/events",
    `/attendance/${entryId}`,
    `/sources/${testEvent.sourceId}`,
    "/changes",
    "/sign-in",
    "/admin",
  ];
  for (const path of framed) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headersArray();
    expect(headers.find((h) => h.name.toLowerCase() === "x-frame-options")?.value, path).toBe(
      "DENY",
    );
    const policies = headers.filter((h) => h.name.toLowerCase() === "content-security-policy");
    expect(policies.length, path).toBeGreaterThan(0);
    for (const p of policies) expect(p.value, path).toContain("frame-ancestors 'none'");
  }
  const embed = await request.get(`/embed/events/${testEvent.slug}`);
  expect(embed.status()).toBe(200);
  const embedHeaders = embed.headersArray();
  expect(embedHeaders.some((h) => h.name.toLowerCase() === "x-frame-options")).toBe(false);
  for (const p of embedHeaders.filter((h) => h.name.toLowerCase() === "content-security-policy")) {
    expect(p.value).toContain("frame-ancestors *");
  }

  // In the browser: the event page framed by another site stays empty; the embed loads.
  const url = hostPage(
    `/frames-${testEvent.id}`,
    `<iframe title="page" src="${baseURL}/events/${testEvent.slug}"></iframe>` +
      `<iframe title="embed" src="${baseURL}/embed/events/${testEvent.slug}"></iframe>`,
  );
  await page.goto(url);
  await expect(
    page.frameLocator('iframe[title="embed"]').getByRole("heading", { level: 1 }),
  ).toHaveText(testEvent.name);
  await expect(
    page.frameLocator('iframe[title="page"]').getByRole("heading", { name: testEvent.name }),
  ).toHaveCount(0);
});
