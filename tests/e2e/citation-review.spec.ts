import { expect, test } from "../fixtures";
import { createEntry } from "../factories";

const ANNA = "Ruritania's President Anna Example will attend the Harbour Summit on 1 June";
const BORIS = "Borduria's leader Boris Sample is expected to attend as well";
const OTTOKAR = "Syldavia's King Ottokar declined the invitation";

test("a source edit saves, says what became of each citation, and the review queue settles them", async ({
  signedIn: page,
  testEvent,
  db,
}) => {
  const tag = testEvent.id;
  const cite = (name: string, status: "confirmed" | "reported" | "declined", quote: string) =>
    createEntry(db, {
      eventId: testEvent.id,
      leader: { name: `${name} ${tag}`, polity: "Ruritania" },
      steps: [{ status, asOf: "2000-05-01", citations: [{ sourceId: testEvent.sourceId, quote }] }],
    });
  await cite("Anna Example", "confirmed", ANNA);
  await cite("Boris Sample", "reported", BORIS);
  const ottokar = await cite("King Ottokar", "declined", OTTOKAR);

  // The publisher rewords one passage and replaces another.
  const edited = testEvent.text
    .replace("is expected to attend", "is now expected to attend")
    .replace(`${OTTOKAR}.`, "Syldavia's King Ottokar will not come, his court said.");
  await page.goto(`/admin/sources/${testEvent.sourceId}`);
  await page.getByLabel("Full text").fill(edited);
  await page.getByRole("button", { name: "Save source" }).click();
  const report = page.getByRole("status").filter({ hasText: "Saved as version 2 of the text" });
  await expect(report).toHaveText(
    /1 citation re-found exactly, 1 re-found with changed wording \(check it\), 1 orphaned\./,
  );
  await expect(
    report.getByRole("link", { name: "Review the citations that need it (2)" }),
  ).toHaveAttribute("href", "/admin/review");
  expect((await db.source.findUniqueOrThrow({ where: { id: testEvent.sourceId } })).text).toBe(
    edited,
  );

  // The public page of the orphaned entry says so, and shows the passage where it was cited.
  await page.goto(`/attendance/${ottokar.id}`);
  await expect(page.getByRole("note")).toHaveText(
    /The cited passage was removed from the source on \d+ \w+ \d{4}; under review\./,
  );
  await expect(page.locator("mark", { hasText: OTTOKAR })).toHaveCount(0);
  await page.getByRole("link", { name: /See it in the text as it was cited/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(testEvent.sourceTitle);
  await expect(page.getByText(/as it stood on \d+ \w+ \d{4}/).first()).toBeVisible();
  await expect(page).toHaveURL(/\/versions\/1#passage-\d+-\d+$/);
  // A client-side navigation does not move :target; the highlight is the one the link names.
  const passage = new URL(page.url()).hash.slice(1);
  await expect(page.locator(`mark[id="${passage}"]`)).toHaveText(OTTOKAR);

  // The review queue: the new wording is confirmed in one click.
  await page.goto("/admin");
  await page
    .getByRole("navigation", { name: "Admin" })
    .getByRole("link", { name: /^Review \(\d+\)/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Citations to review" })).toBeVisible();
  const boris = page.getByRole("listitem").filter({ hasText: `Boris Sample ${tag}` });
  // What the publisher changed in the quote is marked: "now" is new.
  await expect(boris.locator("ins")).toHaveText(/^\(now: \s*now\s*\)$/);
  await expect(boris.locator("del")).toHaveCount(0);
  await boris.getByRole("button", { name: "Confirm the new wording" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Confirmed." })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: `Boris Sample ${tag}` })).toHaveCount(
    0,
  );

  // The orphan: the passage that took its place is offered; words not in the text are refused.
  const king = page.getByRole("listitem").filter({ hasText: `King Ottokar ${tag}` });
  const quote = king.getByLabel("Quote from the current text");
  await expect(quote).toHaveValue("Syldavia's King Ottokar will not come, his court said");
  await quote.fill("King Ottokar will stay home");
  await king.getByRole("button", { name: "Cite these words" }).click();
  // Said by the field, and listed in the summary at the top of the form.
  await expect(
    king.locator('[id$="-error"]').getByText("This quote does not appear in the source."),
  ).toBeVisible();
  await expect(quote).toHaveValue("King Ottokar will stay home");
  await quote.fill("Syldavia's King Ottokar will not come");
  await king.getByRole("button", { name: "Cite these words" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Cited." })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: `King Ottokar ${tag}` })).toHaveCount(
    0,
  );

  await page.goto(`/attendance/${ottokar.id}`);
  await expect(page.getByRole("note")).toHaveCount(0);
  await expect(
    page.locator("mark", { hasText: "Syldavia's King Ottokar will not come" }),
  ).toBeVisible();
});

test("an older version of a source is readable from its page, as it stood", async ({
  signedIn: page,
  testEvent,
}) => {
  await page.goto(`/admin/sources/${testEvent.sourceId}`);
  await page.getByLabel("Full text").fill(testEvent.text.replace("on Monday", "on Tuesday"));
  await page.getByRole("button", { name: "Save source" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 2" })).toBeVisible();

  await page.goto(`/sources/${testEvent.sourceId}`);
  const versions = page.getByRole("navigation", { name: "Versions of this text" });
  await expect(versions.getByText(/Version 2, current, since/)).toBeVisible();
  await versions.getByRole("link", { name: /Version 1, as it stood on/ }).click();
  await expect(page).toHaveURL(new RegExp(`/sources/${testEvent.sourceId}/versions/1$`));
  await expect(page.getByText("her office said on Monday.")).toBeVisible();
  await expect(page.getByText("on Tuesday")).toHaveCount(0);
  await expect(page.getByRole("note")).toContainText("This is version 1 of 2");
  await page.getByRole("link", { name: "Read the current text" }).click();
  await expect(page.getByText("her office said on Tuesday.")).toBeVisible();
});
