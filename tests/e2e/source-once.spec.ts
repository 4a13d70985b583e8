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
  const count = () => db.source.count();
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
  await expect(page).toHaveURL(/\/admin\/sources\/\d+\?saved=created$/);
  expect(await count()).toBe(before + 1);
});
