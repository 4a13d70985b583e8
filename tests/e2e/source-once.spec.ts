import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { createSource, unique } from "../factories";

async function fillSource(page: Page, fields: { url: string; text: string; title: string }) {
  await page.goto("/admin/sources/new");
  await page.getByLabel("Title").fill(fields.title);
  await page.getByLabel("Publisher").fill("Example Wire");
  await page.getByLabel("Web address").fill(fields.url);
  await page.getByLabel("Full text").fill(fields.text);
  await page.getByRole("button", { name: "Create source" }).click();
}

test("a source whose address or text is already stored is refused, with a link to it", async ({
  signedIn: page,
  db,
}) => {
  const id = unique();
  const stored = await createSource(db, {
    url: `https://example.org/news/summit-${id}`,
    text: `The summit opened on Monday (${id}).`,
  });
  // Sources of this test only: others run beside it.
  const count = () => db.source.count({ where: { url: { contains: id } } });
  const before = await count();

  // The same page, written with www., a trailing slash and a tracking parameter.
  await fillSource(page, {
    title: "A copy",
    url: `http://www.example.org/news/summit-${id}/?utm_source=newsletter&fbclid=x`,
    text: "Another text altogether.",
  });
  await expect(page.getByText("This source is already stored")).toBeVisible();
  await expect(
    page.getByText(`This address is already stored, as the source “${stored.title}”.`).first(),
  ).toBeVisible();
  const link = page.getByRole("link", { name: `Open the stored source “${stored.title}”` });
  await expect(link).toHaveAttribute("href", `/admin/sources/${stored.id}`);
  // What was typed is kept.
  await expect(page.getByLabel("Title")).toHaveValue("A copy");
  expect(await count()).toBe(before);

  // Another address, the same text.
  await fillSource(page, {
    title: "Another copy",
    url: `https://example.org/news/elsewhere-${id}`,
    text: `The summit opened on Monday (${id}).\n`,
  });
  await expect(
    page.getByText(`This text is already stored, as the source “${stored.title}”.`).first(),
  ).toBeVisible();
  await page.getByRole("link", { name: `Open the stored source “${stored.title}”` }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/sources/${stored.id}$`));
  expect(await count()).toBe(before);

  // A page of its own is saved.
  await fillSource(page, {
    title: `New report ${id}`,
    url: `https://example.org/news/summit-${id}?page=2`,
    text: "A text of its own.",
  });
  await expect(page.getByRole("status").filter({ hasText: "Source created." })).toBeVisible();
  await expect(page).not.toHaveURL(new RegExp(`/admin/sources/${stored.id}\\b`));
  expect(await count()).toBe(before + 1);
});

test("the source picker filters by title, publisher or address and is worked by keyboard", async ({
  signedIn: page,
  db,
}) => {
  const id = unique();
  const wanted = await createSource(db, {
    title: `Summit wire ${id}`,
    publisher: `Carpathian Post ${id}`,
    url: `https://post.example.net/${id}/summit`,
  });
  await createSource(db, { title: `Another report ${id}`, url: `https://example.org/${id}/other` });
  await page.goto("/admin/entries/new");
  const field = page.getByRole("combobox", { name: "Source of citation 1" });
  await expect(field).toBeVisible();

  // By publisher, by address, by title: only the source that matches is offered.
  const options = page.getByRole("listbox", { name: "Sources" }).getByRole("option");
  for (const words of [`carpathian post ${id}`, `post.example.net/${id}`, `summit wire ${id}`]) {
    await field.fill(words);
    await expect(options).toHaveCount(1);
    await expect(options.first()).toContainText(`Summit wire ${id}`);
  }
  await field.fill(`${id}`);
  await expect(options).toHaveCount(2);

  // Down and Enter choose the highlighted one; the form sends its id, not its name.
  await field.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await field.press("ArrowUp");
  await expect(options.nth(0)).toHaveAttribute("aria-selected", "true");
  await field.press("Enter");
  await expect(field).toHaveAttribute("aria-expanded", "false");
  const chosen = await field.inputValue();
  expect(chosen).toMatch(new RegExp(`\\(#\\d+\\)$`));
  await expect(page.locator('input[type="hidden"][name="citations.0.sourceId"]')).toHaveValue(
    /^\d+$/,
  );
  // Escape closes the list without choosing.
  await field.fill("nothing like this at all");
  await expect(page.getByRole("listbox", { name: "Sources" })).toContainText("No source matches");
  await field.press("Escape");
  await expect(field).toHaveAttribute("aria-expanded", "false");
  expect(wanted.id).toBeGreaterThan(0);
});

test("without JavaScript the source picker is a text field with a list of every source", async ({
  browser,
  editor,
  db,
}) => {
  const id = unique();
  const source = await createSource(db, { title: `Plain report ${id}`, publisher: "Example Wire" });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  // Signed in through the form, which works without JavaScript too.
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(editor.email);
  await page.getByLabel("Password").fill(editor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.goto("/admin/entries/new");
  const field = page.getByLabel("Source of citation 1");
  const list = await field.getAttribute("list");
  expect(list).toBeTruthy();
  const option = page.locator(
    `datalist[id="${list}"] option[value="Plain report ${id} — Example Wire (#${source.id})"]`,
  );
  await expect(option).toHaveAttribute("label", source.url);
  await context.close();
});
