import { createEntry, createSource } from "../factories";
import { expect, signIn, test } from "../fixtures";
import { chooseSource } from "./helpers/steps";
import type { Page } from "@playwright/test";

/**
 * An entry's story (docs/architecture.md, "The story"), walked through: an editor with two more
 * sources records an entry's story step by step (an older report from a source they add, a newer
 * refusal from another), and every page follows the steps.
 */
const WIRE_TEXT =
  "Invitations went out in March. Borduria's leader Boris Sample has been invited but has not confirmed, officials said on Tuesday. " +
  "Other guests are expected.";
const INVITED = "Boris Sample has been invited but has not confirmed";
const TUESDAY = "officials said on Tuesday";
const PAPER_TEXT = "Late news: Boris Sample will not travel to the summit, his office said.";
const WONT = "Boris Sample will not travel to the summit";
const EXPECTED = "Borduria's leader Boris Sample is expected to attend";

async function statusOnList(page: Page, slug: string, leader: string, query = "") {
  await page.goto(`/events/${slug}${query}`);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: leader }) });
  return row.getByRole("cell").nth(1);
}

test("an editor records an entry's story from three sources; every page follows the steps", async ({
  signedIn: page,
  testEvent,
  db,
}) => {
  test.slow();
  const tag = String(testEvent.id);
  const leader = `Boris Sample ${tag}`;
  const paper = await createSource(db, { title: `Paper ${tag}`, text: PAPER_TEXT });

  // A second source, added through the form.
  await page.goto("/admin/sources/new");
  await page.getByLabel("Title").fill(`Wire ${tag}`);
  await page.getByLabel("Publisher").fill("Example Wire");
  await page.getByLabel("Web address").fill(`https://example.org/wire/${tag}`);
  await page.getByLabel("Full text").fill(WIRE_TEXT);
  await page.getByRole("button", { name: "Create source" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Source created." })).toBeVisible();
  const wireId = Number(/\/admin\/sources\/(\d+)/.exec(page.url())![1]);

  // The entry, created with its first step: reported as of 10 May, from the event's article.
  await page.goto("/admin/entries/new");
  await page
    .getByLabel("Event", { exact: true })
    .selectOption({ label: `${testEvent.name} (2000-06-01)` });
  await page.getByLabel("A new leader").check();
  await page.getByLabel("Name", { exact: true }).fill(leader);
  await page.getByLabel("Office").fill("Leader");
  await page.getByLabel("Country or entity").fill("Borduria");
  await page.getByRole("radio", { name: /^Reported/ }).check();
  await page.getByLabel("As of").fill("2000-05-10");
  await chooseSource(
    page.getByLabel("Source of citation 1"),
    `${testEvent.sourceTitle} (Example Wire)`,
  );
  await page.getByLabel("Quote of citation 1").fill(EXPECTED);
  await page.getByRole("button", { name: "Create entry" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Entry created" })).toBeVisible();
  const editUrl = page.url().replace(/\?.*$/, "");
  const entryId = Number(/\/admin\/entries\/(\d+)/.exec(editUrl)![1]);

  async function addStep(
    status: "Reported" | "Declined",
    asOf: string,
    sourceLabel: string,
    quote: string,
    says: string,
  ) {
    await page.goto(editUrl);
    const form = page.getByRole("form", { name: "Add a step" });
    await form.getByRole("radio", { name: new RegExp(`^${status}`) }).check();
    await form.getByLabel("As of").fill(asOf);
    await expect(form.getByText(says)).toBeVisible();
    await chooseSource(form.getByLabel("Source of citation 1"), sourceLabel);
    await form.getByLabel("Quote of citation 1").fill(quote);
    await form.getByRole("button", { name: "Add step" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Step added." })).toBeVisible();
  }

  // An older report from the wire: the current status stays.
  await addStep(
    "Reported",
    "2000-04-01",
    `Wire ${tag} (Example Wire)`,
    INVITED,
    "This step is older than the current one, 10 May 2000: the current status stays Reported.",
  );
  await expect(await statusOnList(page, testEvent.slug, leader)).toHaveText("Reported");

  // A newer refusal from the paper: the current status becomes Declined.
  await addStep(
    "Declined",
    "2000-05-25",
    `Paper ${tag} (Example Wire)`,
    WONT,
    "This step is newer than the current one, 10 May 2000: the current status becomes Declined.",
  );
  await expect(await statusOnList(page, testEvent.slug, leader)).toHaveText("Declined");
  // Between the dates, the list shows the status of then.
  await expect(await statusOnList(page, testEvent.slug, leader, "?asOf=2000-05-15")).toHaveText(
    "Reported",
  );
  await expect(await statusOnList(page, testEvent.slug, leader, "?asOf=2000-04-15")).toHaveText(
    "Reported",
  );

  // The entry page: the steps in date order, each quote landing on its highlighted passage.
  await page.goto(`/attendance/${entryId}`);
  const story = page.getByRole("region", { name: "How the status came to be" });
  const steps = story.locator("li[id^=step-]");
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toContainText("as of 1 April 2000");
  await expect(steps.nth(0)).toContainText(INVITED);
  await expect(steps.nth(1)).toContainText("as of 10 May 2000");
  await expect(steps.nth(2)).toContainText("as of 25 May 2000");
  await expect(steps.nth(2)).toContainText("Current status");
  await steps.nth(0).getByRole("link", { name: INVITED }).click();
  await expect(page).toHaveURL(new RegExp(`/sources/${wireId}#passage-`));
  await expect(page.locator("mark:target")).toHaveText(INVITED);
  await expect(page.getByRole("main")).toContainText(
    `${leader} (earlier step: reported, as of 1 April 2000)`,
  );
  await page.goBack();
  await steps.nth(2).getByRole("link", { name: WONT }).click();
  await expect(page).toHaveURL(new RegExp(`/sources/${paper.id}#passage-`));
  await expect(page.locator("mark:target")).toHaveText(WONT);
  await expect(page.getByRole("main")).toContainText(
    `${leader} (current: declined, as of 25 May 2000)`,
  );

  // Removing the refusal brings back the report of 10 May.
  await page.goto(editUrl);
  await page.getByRole("link", { name: "Remove this step (Declined, as of 25 May 2000)" }).click();
  await expect(page.getByRole("main")).toContainText(
    "The current status becomes Reported, as of 10 May 2000.",
  );
  await page.getByRole("button", { name: "Remove step" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Step removed." })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(
    "The current status is Reported, as of 10 May 2000",
  );
  await expect(await statusOnList(page, testEvent.slug, leader)).toHaveText("Reported");

  // A second citation for the wire's step, without a change of status or date.
  await page.goto(editUrl);
  await page.getByText("Edit this step: Reported, as of 1 April 2000").click();
  const edit = page.getByRole("form", { name: "Step: Reported, as of 1 April 2000" });
  await expect(
    edit.getByText("This step is older than the latest other step, 10 May 2000"),
  ).toBeVisible();
  await chooseSource(edit.getByLabel("Source of citation 2"), `Wire ${tag} (Example Wire)`);
  await edit.getByLabel("Quote of citation 2").fill(TUESDAY);
  await edit.getByRole("button", { name: "Save step" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Step saved." })).toBeVisible();
  await page.goto(`/attendance/${entryId}`);
  const first = page
    .getByRole("region", { name: "How the status came to be" })
    .locator("li[id^=step-]")
    .first();
  await expect(first.getByRole("link", { name: TUESDAY })).toBeVisible();
  await expect(first.getByRole("link", { name: INVITED })).toBeVisible();

  // The record: each step change is a revision of the entry.
  await page.goto(`/changes?event=${testEvent.slug}`);
  await expect(page.getByRole("main")).toContainText("Step removed");
  await expect(page.getByRole("main")).toContainText("Step added");
});

test("two editors edit the same step: the second gets the conflict, and the page shows the step as saved now", async ({
  browser,
  signedIn: page,
  testEvent,
  editor,
  db,
}) => {
  const entry = await createEntry(db, {
    eventId: testEvent.id,
    leader: { name: `Anna Example ${testEvent.id}` },
    steps: [
      {
        status: "reported",
        asOf: "2000-05-01",
        citations: [
          { sourceId: testEvent.sourceId, quote: "Anna Example will attend the Harbour Summit" },
        ],
      },
    ],
  });
  const editUrl = `/admin/entries/${entry.id}`;
  const other = await browser.newContext();
  const second = await other.newPage();
  await signIn(second, editor);
  await expect(second.getByRole("heading", { level: 1, name: "Entries" })).toBeVisible();
  await second.goto(editUrl);

  // The first editor moves the step to 3 May.
  await page.goto(editUrl);
  await page.getByText("Edit this step: Reported, as of 1 May 2000").click();
  const mine = page.getByRole("form", { name: "Step: Reported, as of 1 May 2000" });
  await mine.getByLabel("As of").fill("2000-05-03");
  await mine.getByRole("button", { name: "Save step" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Step saved." })).toBeVisible();

  // The second, on the page loaded before, saves a note on the same step.
  await second.getByText("Edit this step: Reported, as of 1 May 2000").click();
  const theirs = second.getByRole("form", { name: "Step: Reported, as of 1 May 2000" });
  await theirs.getByLabel("Public note on this status (optional)").fill("Second editor's note");
  await theirs.getByRole("button", { name: "Save step" }).click();
  const alert = second
    .getByRole("alert")
    // The same account in another browser: the message says so.
    .filter({ hasText: "You saved this step in another session" });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole("row", { name: /As of/ })).toContainText("2000-05-03");
  // Their input is kept (the form is named for the step as saved now, so found by its field).
  await expect(second.locator(`#step-${entry.steps[0]!.id}-note`)).toHaveValue(
    "Second editor's note",
  );
  // The rest of the page shows the step as saved now.
  await expect(
    second
      .getByRole("region", { name: "Story" })
      .getByRole("heading", { name: /as of 3 May 2000/ }),
  ).toBeVisible();
  await other.close();
});
