import { expect, test, type Page } from "@playwright/test";

const EVENT = "/events/victory-day-parade-2025";
const SUMMARY = "9 leaders from 9 countries: 8 confirmed, 1 reported";

const worldMap = (page: Page) => page.getByRole("group", { name: SUMMARY });

test("the map sums up where the leaders come from, with a legend in words, before the list", async ({
  page,
}) => {
  await page.goto(EVENT);
  // Dodik leads Republika Srpska, inside Bosnia and Herzegovina: he counts for Bosnia, which
  // no other leader does, so nine leaders come from nine countries.
  await expect(worldMap(page)).toBeVisible();
  await expect(worldMap(page).getByRole("link")).toHaveCount(9);
  const legend = page.getByRole("list", { name: "Map legend" });
  await expect(legend.getByRole("listitem")).toHaveText([
    "Confirmed",
    "Reported",
    "Declined",
    "Marker: a region, or a country too small to see",
  ]);
  const mapBox = (await worldMap(page).boundingBox())!;
  // The parade is past: the list's first table is the first standing with anyone in it.
  const tableBox = (await page.getByRole("table").first().boundingBox())!;
  expect(mapBox.y + mapBox.height).toBeLessThan(tableBox.y);
});

test("Venezuela's shape links to Maduro's entry and is reachable by keyboard", async ({ page }) => {
  await page.goto(EVENT);
  const venezuela = worldMap(page).getByRole("link", {
    name: "Nicolas Maduro, Venezuela: Confirmed",
  });
  const shape = venezuela.locator("path");
  await expect(shape).toHaveCount(1);
  // The same entry as the list's link.
  const listLink = page
    .getByRole("table")
    .getByRole("link", { name: "Nicolas Maduro", exact: true });
  await expect(venezuela).toHaveAttribute("href", (await listLink.getAttribute("href"))!);

  await page.getByRole("heading", { name: "Where they come from" }).click();
  let focused = false;
  for (let i = 0; i < 12 && !focused; i++) {
    await page.keyboard.press("Tab");
    focused = await venezuela.evaluate((el) => el === document.activeElement);
  }
  expect(focused).toBe(true);
  // The focused country is outlined.
  await expect(shape).toHaveCSS("stroke-width", "3px");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Nicolas Maduro" })).toBeVisible();
});

test("Republika Srpska and Palestine are markers, linked to their entries", async ({ page }) => {
  await page.goto(EVENT);
  const dodik = worldMap(page).getByRole("link", {
    name: "Milorad Dodik, Republika Srpska (Bosnia and Herzegovina): Confirmed",
  });
  await expect(dodik.locator("circle")).toHaveCount(1);
  await expect(dodik.locator("path")).toHaveCount(0);
  const abbas = worldMap(page).getByRole("link", { name: "Mahmoud Abbas, Palestine: Confirmed" });
  await expect(abbas.locator("circle")).toHaveCount(1);
  await dodik.click();
  await expect(page.getByRole("heading", { level: 1, name: "Milorad Dodik" })).toBeVisible();
});

test("a reported country looks different from a confirmed one without colour", async ({ page }) => {
  await page.goto(EVENT);
  const fillOf = (name: string) =>
    worldMap(page).getByRole("link", { name }).locator("path").getAttribute("fill");
  const brazil = await fillOf("Luiz Inacio Lula da Silva, Brazil: Reported");
  const venezuela = await fillOf("Nicolas Maduro, Venezuela: Confirmed");
  expect(brazil).not.toBe(venezuela);
  // Each fill is a pattern whose texture differs, not only its colour.
  const textureOf = (fill: string | null) =>
    page.locator(fill!.replace(/^url\((.*)\)$/, "$1")).evaluate((p) => p.children.length);
  expect(await textureOf(brazil)).toBeGreaterThan(await textureOf(venezuela));
});

test("the map shows the whole event while the list is filtered", async ({ page }) => {
  await page.goto(`${EVENT}?status=reported`);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);
  await expect(worldMap(page).getByRole("link")).toHaveCount(9);
  // On a day, the whole event as it stood then: on 12 April 2025 all nine; before, none.
  await page.goto(`${EVENT}?status=reported&asOf=2025-04-12`);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);
  await expect(worldMap(page).getByRole("link")).toHaveCount(9);
  await page.goto(`${EVENT}?status=reported&asOf=2025-04-01`);
  await expect(page.getByRole("group", { name: "No leaders yet" })).toBeVisible();
  await expect(page.getByRole("group", { name: "No leaders yet" }).getByRole("link")).toHaveCount(
    0,
  );
});

test("flags are inline SVG and nothing is fetched from another origin", async ({
  page,
  baseURL,
}) => {
  const origins = new Set<string>();
  page.on("request", (request) => {
    if (!request.url().startsWith("data:")) origins.add(new URL(request.url()).origin);
  });
  await page.goto(EVENT);
  await page.waitForLoadState("networkidle");

  // Every row of the list, whichever standing's table it is in.
  const rows = page.getByRole("table").locator("tbody").getByRole("row");
  await expect(rows.locator("th svg use")).toHaveCount(9);
  const maduro = rows.filter({ hasText: "Nicolas Maduro" });
  await expect(maduro.locator("svg use")).toHaveAttribute("href", "#flag-VE");
  // The drawing itself is in the page, once.
  await expect(page.locator("symbol#flag-VE path").first()).toBeAttached();
  await expect(page.locator("symbol#flag-VE")).toHaveCount(1);
  await expect(page.locator("img")).toHaveCount(0);

  expect([...origins]).toEqual([new URL(baseURL!).origin]);
});

test("the event page loads no more JavaScript than a page without a map", async ({ page }) => {
  const scripts = async (path: string) => {
    await page.goto(path);
    return page
      .locator("script[src]")
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("src")).sort());
  };
  // The sign-in page is rendered per request and runs the framework; the event page, from the
  // page cache, is a document with no script at all (lib/cache/static-page.mjs).
  const withoutMap = await scripts("/sign-in");
  expect(withoutMap.length).toBeGreaterThan(0);
  await page.goto(EVENT);
  await page.goto(EVENT); // the second time from the cache
  expect(await page.locator("script").count()).toBe(0);
  await expect(worldMap(page)).toBeVisible();
});
