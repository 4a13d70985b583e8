import { expect, test } from "../fixtures";
import { addDeclinedStep } from "./helpers/steps";

test("an entry page tells the story and the record of edits", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("table").getByRole("link", { name: "Xi Jinping", exact: true }).click();
  const story = page.getByRole("region", { name: "How the status came to be" });
  await expect(story.getByRole("listitem").first()).toContainText("Confirmed");
  await expect(story.getByRole("listitem").first()).toContainText("as of 12 April 2025");
  // The step's quote links to its highlighted passage on the source page.
  await expect(story.getByRole("link", { name: /China’s leader Xi Jinping/ })).toHaveAttribute(
    "href",
    /^\/sources\/\d+#passage-\d+-\d+$/,
  );
  const record = page.getByRole("region", { name: "Record of edits" });
  await expect(
    record.getByText(/created by Seed: Venezuela's Maduro to attend Moscow's Victory Day parade/),
  ).toBeVisible();
});

test("the list as of a date shows a banner and leaves out entries with no status yet", async ({
  page,
}) => {
  await page.goto("/events/victory-day-parade-2025?asOf=2025-04-11");
  await expect(page.getByRole("note")).toContainText(
    "as the reports stood at the end of 11 April 2025",
  );
  await expect(page.getByText("No leaders match these filters.")).toBeVisible();
  await page.getByLabel("As of (optional)").fill("2025-04-12");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/asOf=2025-04-12/);
  await expect(page.getByRole("table").getByRole("rowheader")).toHaveCount(9);
  await page.getByRole("link", { name: "Show the current list" }).click();
  await expect(page.getByRole("note")).toHaveCount(0);

  const api = await (
    await page.request.get("/api/events/victory-day-parade-2025/attendance?asOf=2025-04-11")
  ).json();
  expect(api.entries).toEqual([]);
});

test("an editor reverts an entry to an earlier version; the revert is itself recorded", async ({
  signedIn: page,
  testEvent,
  browser,
}) => {
  test.slow();
  await page.goto("/admin/entries/new");
  await page
    .getByLabel("Event", { exact: true })
    .selectOption({ label: `${testEvent.name} (2000-06-01)` });
  await page.getByLabel("A new leader").check();
  await page.getByLabel("Name", { exact: true }).fill("Anna Example");
  await page.getByLabel("Office").fill("President");
  await page.getByLabel("Country or entity").fill("Ruritania");
  await page.getByRole("radio", { name: /^Confirmed/ }).check();
  await page.getByLabel("As of").fill("2000-05-01");
  await page
    .getByLabel("Quote of citation 1")
    .fill("Ruritania's President Anna Example will attend the Harbour Summit");
  await page.getByRole("button", { name: "Create entry" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Entry created" })).toBeVisible();

  await addDeclinedStep(page, testEvent);
  // A reader's changes of the event (a cached page): the two so far.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/changes?event=${testEvent.slug}`);
  await expect(reader.getByRole("main").getByRole("listitem")).toHaveCount(2);

  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByRole("listitem")).toHaveCount(2);
  await history
    .getByRole("listitem")
    .last()
    .getByRole("link", { name: /Restore this version/ })
    .click();
  // The confirmation shows what will change before anything does.
  await expect(page.getByRole("table", { name: "What will change" })).toContainText("declined");
  await page.getByRole("button", { name: "Restore this version" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Reverted." })).toBeVisible();
  await expect(history.getByRole("listitem").first()).toContainText(/reverted by Editor/);

  const entryPath = page.url().replace(/\/admin\/entries\/(\d+).*/, "/attendance/$1");
  await page.goto(entryPath);
  await expect(page.getByRole("heading", { level: 1, name: "Anna Example" })).toBeVisible();
  await expect(
    page.locator("article header").getByText("Confirmed", { exact: true }),
  ).toBeVisible();
  const story = page.getByRole("region", { name: "How the status came to be" });
  await expect(story.getByRole("listitem").filter({ hasText: /as of/ })).toHaveCount(1);

  await page.goto(`/changes?event=${testEvent.slug}`);
  const changes = page.getByRole("main").getByRole("listitem");
  await expect(changes).toHaveCount(3);
  await expect(changes.first()).toContainText("Anna Example");
  await expect(changes.first()).toContainText("reverted by");
  await expect(changes.first().getByRole("row", { name: /Status/ })).toContainText("declined");
  // The reader's, at once.
  await reader.goto(`/changes?event=${testEvent.slug}`);
  await expect(reader.getByRole("main").getByRole("listitem")).toHaveCount(3);
  await expect(reader.getByRole("main").getByRole("listitem").first()).toContainText("reverted by");
  await reader.context().close();
});
