import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./helpers/a11y";

const EVENT = "/events/victory-day-parade-2025";

test("at 360 px the event page, map included, fits the screen", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(EVENT);
  const map = page.getByRole("group", { name: /^9 leaders from 9 countries/ });
  const box = (await map.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test("dark mode follows the system and keeps every page readable", async ({ page }) => {
  await page.goto(EVENT);
  const background = () =>
    page.locator("body").evaluate((body) => getComputedStyle(body).backgroundColor);
  const light = await background();
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await background();
  expect(dark).not.toBe(light);

  const source = await page
    .getByRole("link", { name: /^Citation 1 for Robert Fico/ })
    .getAttribute("href");
  const entry = await page
    .getByRole("table")
    .getByRole("link", { name: "Robert Fico", exact: true })
    .getAttribute("href");
  for (const path of [EVENT, "/?status=reported", source!, entry!, "/events", "/nowhere"]) {
    await page.goto(path);
    await expectNoSeriousA11yViolations(page);
  }
});

test("printing gives the list with its citations as footnotes", async ({ page }) => {
  await page.goto(EVENT);
  const footnotes = page.getByRole("region", { name: "Citations" });
  await expect(footnotes).toBeHidden();

  // Paper is narrower than the table's breakpoint, and printed light even in dark mode.
  await page.setViewportSize({ width: 700, height: 1000 });
  await page.emulateMedia({ media: "print", colorScheme: "dark" });
  await expect(footnotes).toBeVisible();
  // The parade is past: a table for each standing, every one printed.
  await expect(page.getByRole("table")).toHaveCount(2);
  for (const table of await page.getByRole("table").all()) await expect(table).toBeVisible();
  await expect(page.getByRole("search", { name: "Filter the list" })).toBeHidden();
  await expect(page.getByRole("group", { name: /^9 leaders/ })).toBeHidden();
  const color = await page.locator("body").evaluate((b) => getComputedStyle(b).color);
  expect(color).toBe(
    await page.evaluate(() => {
      const probe = document.createElement("span");
      probe.style.color = "var(--color-slate-900)";
      document.body.append(probe);
      return getComputedStyle(probe).color;
    }),
  );

  const items = footnotes.getByRole("listitem");
  // Maduro's two passages, the one naming six leaders, Lula's and Fico's.
  await expect(items).toHaveCount(5);
  const shared = items.filter({ hasText: "Several other foreign leaders" });
  await expect(shared).toContainText("Cited for Alexander Lukashenko");
  await expect(shared).toContainText("bne IntelliNews");
  await expect(shared).toContainText("https://intellinews.com/");
  // Each marker prints the number of its footnote.
  const number = (await shared.textContent())!.match(/^\[(\d+)\]/)![1];
  const marker = page.getByRole("link", { name: /^Citation 1 for Xi Jinping/ });
  await expect(marker).toHaveAttribute("data-footnote", number!);
  expect(await marker.evaluate((a) => getComputedStyle(a, "::after").content)).toBe(
    `"[${number}]"`,
  );
  await expect(items.filter({ hasText: "We appreciate that President Maduro" })).toHaveCount(1);
});

test("the event page has Open Graph and Twitter cards with a generated image", async ({
  page,
  request,
}) => {
  await page.goto(EVENT);
  const meta = (selector: string) => page.locator(`meta[${selector}]`).getAttribute("content");
  expect(await meta('property="og:title"')).toBe("Victory Day Parade, Moscow, Russia");
  expect(await meta('property="og:description"')).toContain("Victory Day Parade");
  expect(await meta('name="description"')).toContain("Victory Day Parade");
  expect(await meta('name="twitter:card"')).toBe("summary_large_image");
  expect(await meta('property="og:image:width"')).toBe("1200");

  for (const image of [await meta('property="og:image"'), await meta('name="twitter:image"')]) {
    // Absolute, on the site's public origin (BETTER_AUTH_URL); fetched here from the test server.
    const url = new URL(image!);
    expect(url.pathname).toMatch(/^\/events\/victory-day-parade-2025\/(opengraph|twitter)-image$/);
    const response = await request.get(url.pathname + url.search);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    const body = await response.body();
    expect(body.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect(body.readUInt32BE(16)).toBe(1200); // IHDR width
    expect(body.readUInt32BE(20)).toBe(630);
  }
  // An unknown event's picture is missing, and no cache in front keeps it missing: the event
  // may be created at that address later.
  const missing = await request.get("/events/no-such-event/opengraph-image");
  expect(missing.status()).toBe(404);
  expect(missing.headers()["cache-control"]).toBe("no-store");
});

test("every other page is shared with the site's picture, the featured event's", async ({
  page,
  request,
}) => {
  for (const path of ["/", "/events", "/changes"]) {
    await page.goto(path);
    const images = [
      await page.locator('meta[property="og:image"]').getAttribute("content"),
      await page.locator('meta[name="twitter:image"]').getAttribute("content"),
    ];
    for (const image of images) {
      const url = new URL(image!);
      expect(url.pathname, path).toMatch(/^\/(opengraph|twitter)-image$/);
      const response = await request.get(url.pathname + url.search);
      expect(response.status(), path).toBe(200);
      expect(response.headers()["content-type"]).toBe("image/png");
      const body = await response.body();
      expect(body.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
      expect(body.readUInt32BE(16)).toBe(1200);
    }
  }
});
