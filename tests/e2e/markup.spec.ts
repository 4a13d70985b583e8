import type { Page } from "@playwright/test";
import type { createPrismaClient } from "../../lib/database";
import { expect, test } from "../fixtures";
import { chooseSource } from "./helpers/steps";

/**
 * What the automatic checkers miss: a link told from the words around it by colour alone, and
 * markup the HTML standard refuses (an empty form action, a read-only mark on editable text).
 */

/** The seeded event's pages, public and admin, by what the database holds. */
async function seededPages(db: ReturnType<typeof createPrismaClient>) {
  const event = await db.event.findUniqueOrThrow({ where: { slug: "victory-day-parade-2025" } });
  const entry = await db.attendance.findFirstOrThrow({
    where: { eventId: event.id },
    orderBy: { id: "asc" },
  });
  const source = await db.source.findFirstOrThrow({ orderBy: { id: "asc" } });
  return {
    public: [
      "/",
      "/events",
      `/events/${event.slug}`,
      `/events/${event.slug}?asOf=2025-04-12`,
      `/attendance/${entry.id}`,
      `/leaders/${entry.leaderId}`,
      `/sources/${source.id}`,
      `/sources/${source.id}/versions/1`,
      "/changes",
    ],
    admin: [
      "/admin",
      "/admin/events",
      `/admin/events/${event.id}`,
      "/admin/events/new",
      "/admin/leaders",
      `/admin/leaders/${entry.leaderId}`,
      "/admin/leaders/new",
      "/admin/sources",
      `/admin/sources/${source.id}`,
      "/admin/sources/new",
      "/admin/entries/new",
      `/admin/entries/${entry.id}`,
      `/admin/entries/${entry.id}/delete`,
      "/admin/review",
    ],
  };
}

/**
 * The links in the page's main text that differ from their surroundings by colour alone: no
 * underline, no border, no background or weight of their own, not drawn as a button.
 */
function linksByColourOnly(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const link of document.querySelectorAll<HTMLAnchorElement>("main a[href]")) {
      const rect = link.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      // A point of a chart is a shape, not words in the text: its icon tells it apart.
      if (link.closest("svg")) continue;
      const style = getComputedStyle(link);
      const around = getComputedStyle(link.parentElement ?? document.body);
      const underlined = style.textDecorationLine.includes("underline");
      const bordered = ["Top", "Right", "Bottom", "Left"].some(
        (side) =>
          parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0 &&
          style.getPropertyValue(`border-${side.toLowerCase()}-style`) !== "none",
      );
      const background =
        style.backgroundColor !== "rgba(0, 0, 0, 0)" &&
        style.backgroundColor !== around.backgroundColor;
      const weight = style.fontWeight !== around.fontWeight;
      if (!underlined && !bordered && !background && !weight) {
        out.push(`“${link.textContent?.trim()}” → ${link.getAttribute("href")}`);
      }
    }
    return out;
  });
}

test("every link in the main text of the public pages is told apart by more than colour", async ({
  page,
  db,
}) => {
  const pages = await seededPages(db);
  for (const path of pages.public) {
    await page.goto(path);
    expect(await linksByColourOnly(page), path).toEqual([]);
  }
});

test.describe.configure({ timeout: 120_000 });

test("every link in the main text of the admin pages is told apart by more than colour", async ({
  signedIn: page,
  db,
}) => {
  const pages = await seededPages(db);
  for (const path of pages.admin) {
    await page.goto(path);
    expect(await linksByColourOnly(page), path).toEqual([]);
  }
});

test("no admin page has an empty form action, and the open passage picker is not marked read-only", async ({
  signedIn: page,
  db,
  testEvent,
}) => {
  const pages = await seededPages(db);
  for (const path of [...pages.admin, "/sign-in"]) {
    const html = await (await page.request.get(path)).text();
    expect(html, path).toContain("<form");
    expect(html, path).not.toMatch(/\saction=""/);
    expect(html, path).not.toMatch(/\sformAction=""/i);
  }
  // Every form's action is the page's own address (where the browser posted before, unnamed).
  await page.goto(pages.admin.find((p) => /^\/admin\/entries\/\d+$/.test(p))!);
  const actions = await page
    .locator("form[method=POST]")
    .evaluateAll((forms) => forms.map((f) => f.getAttribute("action")));
  expect(actions.length).toBeGreaterThan(0);
  for (const action of actions) expect(action).toBe(new URL(page.url()).pathname);

  const addStep = page.getByRole("form", { name: "Add a step" });
  await chooseSource(addStep.getByLabel("Source of citation 1"), testEvent.sourceTitle);
  await addStep.getByRole("button", { name: "Select the quote in the source’s text" }).click();
  const text = addStep.locator("[contenteditable]");
  await expect(text).toBeVisible();
  expect(await text.evaluate((el) => el.hasAttribute("aria-readonly"))).toBe(false);
});
