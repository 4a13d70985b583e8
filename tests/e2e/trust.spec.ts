import type { Browser, Page } from "@playwright/test";
import { createEntry, createEvent, createLeader, createSource, unique } from "../factories";
import { expect, signIn, test, type TestEditor } from "../fixtures";
import { chooseSource } from "./helpers/steps";

/**
 * A reader and an editor can trust what they are shown and what they type: destructive actions
 * ask first, a past day's list says what it leaves out, names are found by their spellings,
 * the admin list works on a phone, a printed entry keeps its citations, and a quote can be
 * selected by keyboard in steps of words and sentences.
 */

test.describe.configure({ timeout: 120_000 });

/** A signed-in page of a browser context without JavaScript. */
async function withoutJavaScript(browser: Browser, editor: TestEditor) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, editor);
  await expect(page.getByRole("heading", { level: 1, name: "Entries" })).toBeVisible();
  return { page, close: () => context.close() };
}

async function unusedLeader(db: Parameters<typeof createLeader>[0]) {
  return createLeader(db, { name: `Unused ${unique()}`, polity: "Nowhere" });
}

/** Deleting a leader and a source asks first, and cancelling keeps them. */
async function deleteAskingFirst(page: Page, db: Parameters<typeof createLeader>[0]) {
  const leader = await unusedLeader(db);
  await page.goto(`/admin/leaders/${leader.id}`);
  await page.getByRole("link", { name: `Delete ${leader.name}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Delete ${leader.name}`);
  await expect(page.getByRole("main")).toContainText("will be removed and its public page");
  await page.getByRole("link", { name: "Cancel and go back" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Edit leader: ${leader.name}`);
  expect(await db.leader.count({ where: { id: leader.id } })).toBe(1);
  await page.getByRole("link", { name: `Delete ${leader.name}` }).click();
  await page.getByRole("button", { name: `Delete ${leader.name}` }).click();
  await expect(page.getByText("The leader was deleted.")).toBeVisible();
  expect(await db.leader.count({ where: { id: leader.id } })).toBe(0);

  const source = await createSource(db, { title: `Unused report ${unique()}` });
  await page.goto(`/admin/sources/${source.id}`);
  await page.getByRole("link", { name: "Delete source" }).click();
  await expect(page.getByRole("main")).toContainText(
    "every saved version of the text will be removed",
  );
  expect(await db.source.count({ where: { id: source.id } })).toBe(1);
  await page.getByRole("button", { name: "Delete source" }).click();
  await expect(page.getByText("The source was deleted.")).toBeVisible();
  expect(await db.source.count({ where: { id: source.id } })).toBe(0);
}

/** Deleting an event asks first on a page of its own, saying what goes with it. */
async function deleteEventAskingFirst(page: Page, db: Parameters<typeof createEvent>[0]) {
  const event = await createEvent(db);
  await page.goto(`/admin/events/${event.id}`);
  await page.getByRole("link", { name: `Delete ${event.name}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Delete ${event.name}?`);
  await expect(page.getByRole("main")).toContainText(`its page (/events/${event.slug})`);
  await page.getByRole("link", { name: "Cancel and go back" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Edit event: ${event.name}`);
  expect(await db.event.count({ where: { id: event.id } })).toBe(1);
  await page.getByRole("link", { name: `Delete ${event.name}` }).click();
  await page.getByRole("button", { name: `Delete ${event.name}` }).click();
  await expect(page.getByText("The event was deleted.")).toBeVisible();
  expect(await db.event.count({ where: { id: event.id } })).toBe(0);
}

/** A merge asks first on a page of its own, saying what it will do; cancelling keeps both. */
async function mergeAskingFirst(page: Page, db: Parameters<typeof createLeader>[0]) {
  const keep = await unusedLeader(db);
  const twin = await createLeader(db, { name: `Twin ${unique()}`, polity: "Nowhere" });
  await page.goto(`/admin/leaders/${keep.id}?merge=${encodeURIComponent(twin.name)}`);
  await page.getByRole("radio", { name: new RegExp(`^${twin.name}`) }).check();
  await page.getByRole("button", { name: "Review the merge…" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    `Merge ${twin.name} (${twin.office}, Nowhere) into ${keep.name}?`,
  );
  await expect(page.getByRole("main")).toContainText(
    `record of ${twin.name} (#${twin.id}) is removed`,
  );
  await page.getByRole("link", { name: "Cancel and go back" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Edit leader: ${keep.name}`);
  expect(await db.leader.count({ where: { id: { in: [keep.id, twin.id] } } })).toBe(2);
}

/** Removing a step asks first, saying what the status becomes. */
async function removeStepAskingFirst(
  page: Page,
  db: Parameters<typeof createLeader>[0],
  event: { id: number; sourceId: number },
) {
  const entry = await createEntry(db, {
    eventId: event.id,
    leader: { name: `Two Steps ${unique()}`, polity: "Ruritania" },
    steps: [
      {
        status: "reported",
        asOf: "2000-05-01",
        citations: [{ sourceId: event.sourceId, quote: "Anna Example will attend" }],
      },
      {
        status: "declined",
        asOf: "2000-05-20",
        citations: [{ sourceId: event.sourceId, quote: "Syldavia's King Ottokar declined" }],
      },
    ],
  });
  await page.goto(`/admin/entries/${entry.id}`);
  await page.getByRole("link", { name: "Remove this step (Declined, as of 20 May 2000)" }).click();
  await expect(page.getByRole("main")).toContainText(
    "The current status becomes Reported, as of 1 May 2000.",
  );
  expect(await db.statusStep.count({ where: { attendanceId: entry.id } })).toBe(2);
  await page.getByRole("button", { name: "Remove step" }).click();
  await expect(page.getByText("Step removed.")).toBeVisible();
  expect(await db.statusStep.count({ where: { attendanceId: entry.id } })).toBe(1);
}

test("destructive actions ask first, saying what will happen (with JavaScript)", async ({
  signedIn: page,
  db,
  testEvent,
}) => {
  await deleteAskingFirst(page, db);
  await removeStepAskingFirst(page, db, testEvent);
  await deleteEventAskingFirst(page, db);
  await mergeAskingFirst(page, db);
});

test("destructive actions ask first on a page of their own (without JavaScript)", async ({
  browser,
  editor,
  db,
  testEvent,
}) => {
  const { page, close } = await withoutJavaScript(browser, editor);
  try {
    await deleteAskingFirst(page, db);
    await removeStepAskingFirst(page, db, testEvent);
    await deleteEventAskingFirst(page, db);
    await mergeAskingFirst(page, db);
  } finally {
    await close();
  }
});

test("a past day's list counts the leaders it leaves out, and shows them", async ({ page, db }) => {
  const event = await createEvent(db);
  const source = await createSource(db);
  const cite = [{ sourceId: source.id, quote: "Anna Example will attend" }];
  for (const [name, asOf] of [
    ["Early Bird", "2025-03-10"],
    ["Later One", "2025-03-25"],
    ["Later Two", "2025-04-02"],
  ] as const) {
    await createEntry(db, {
      eventId: event.id,
      leader: { name: `${name} ${event.id}`, polity: "Ruritania" },
      steps: [{ status: "confirmed", asOf, citations: cite }],
    });
  }
  await page.goto(`/events/${event.slug}?asOf=2025-03-20`);
  await expect(page.getByText("Showing 1 leader.")).toBeVisible();
  await expect(page.getByText("2 more leaders have no report by 20 March 2025.")).toBeVisible();
  const hidden = page.getByRole("list", { name: "Leaders with no report by that day" });
  await expect(hidden).toBeHidden();
  await page.getByText("Show them").click();
  await expect(hidden.getByRole("link")).toHaveText([
    `Later One ${event.id}`,
    `Later Two ${event.id}`,
  ]);

  await page.goto(`/events/${event.slug}?asOf=2025-03-31`);
  await expect(page.getByText("1 more leader has no report by 31 March 2025.")).toBeVisible();
  await page.goto(`/events/${event.slug}`);
  await expect(page.getByText(/no report by/)).toHaveCount(0);
});

test("on a fresh install a search for Lukashenka finds Lukashenko", async ({ page }) => {
  for (const q of ["Lukashenka", "Łukaszenka"]) {
    await page.goto(`/events/victory-day-parade-2025?q=${encodeURIComponent(q)}`);
    const rows = page
      .getByRole("table")
      .getByRole("row")
      .filter({ has: page.getByRole("link") });
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("Alexander Lukashenko");
  }
});

test("the admin list on a 375px phone: nothing out of sight sideways, leader names link to the entry", async ({
  signedIn: page,
  db,
}) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/admin?event=victory-day-parade-2025");
  const overflow = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    boxes: [...document.querySelectorAll("main *")]
      .filter(
        // Boxes for screen readers only (one pixel wide, clipped) are not out of sight by mistake.
        (el) =>
          el.clientWidth > 1 &&
          el.scrollWidth > el.clientWidth + 1 &&
          getComputedStyle(el).overflowX !== "visible",
      )
      .map((el) => `${el.tagName}.${el.className} ${el.scrollWidth}>${el.clientWidth}`),
  }));
  expect(overflow).toEqual({ page: 0, boxes: [] });
  const lukashenko = await db.attendance.findFirstOrThrow({
    where: { leader: { name: "Alexander Lukashenko" }, event: { slug: "victory-day-parade-2025" } },
  });
  const link = page.getByRole("link", { name: "Alexander Lukashenko", exact: true });
  await link.scrollIntoViewIfNeeded();
  await expect(link).toBeInViewport({ ratio: 1 });
  const edit = page.getByRole("link", { name: /^Edit Alexander Lukashenko at/ });
  const box = await edit.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(375);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/admin/entries/${lukashenko.id}$`));
});

test("a printed entry page marks its quote without background graphics and prints the source's address", async ({
  page,
  db,
}) => {
  const entry = await db.attendance.findFirstOrThrow({
    where: { leader: { name: "Robert Fico" } },
    include: { currentStep: { include: { citations: { include: { source: true } } } } },
  });
  const source = entry.currentStep!.citations[0]!.source;
  await page.goto(`/attendance/${entry.id}`);
  const citations = page.getByRole("region", { name: "Citations of the current status" });
  await expect(citations.getByText(source.url)).toBeHidden();
  await page.emulateMedia({ media: "print" });
  await expect(citations.getByText(source.url)).toBeVisible();
  const quote = citations.locator("mark").first();
  const look = await quote.evaluate((mark) => {
    const style = getComputedStyle(mark);
    const around = getComputedStyle(mark.parentElement!);
    return {
      background: style.backgroundColor,
      underline: style.textDecorationLine,
      heavier: Number(style.fontWeight) > Number(around.fontWeight),
      opens: getComputedStyle(mark, "::before").content,
      closes: getComputedStyle(mark, "::after").content,
    };
  });
  expect(look).toEqual({
    background: "rgba(0, 0, 0, 0)",
    underline: "underline",
    heavier: true,
    opens: '"“"',
    closes: '"”"',
  });
});

test("a quote is selected by keyboard in steps of words and sentences", async ({
  signedIn: page,
  testEvent,
  db,
}) => {
  const leader = await createLeader(db, { name: `Keys ${unique()}` });
  const entry = await createEntry(db, {
    eventId: testEvent.id,
    leader: leader.id,
    steps: [
      {
        status: "confirmed",
        asOf: "2000-05-01",
        citations: [{ sourceId: testEvent.sourceId, quote: "Anna Example will attend" }],
      },
    ],
  });
  await page.goto(`/admin/entries/${entry.id}`);
  // The skip link takes the keyboard to the new step's status at once.
  await page.getByRole("link", { name: "Skip to “Add a step”" }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(
    page.getByRole("form", { name: "Add a step" }).getByRole("radio").first(),
  ).toBeFocused();

  const add = page.getByRole("form", { name: "Add a step" });
  await chooseSource(add.getByLabel("Source of citation 1"), testEvent.sourceTitle);
  await add.getByRole("button", { name: "Select the quote in the source’s text" }).click();
  const text = add.getByRole("textbox", { name: /^Text of/ });
  const quote = add.getByLabel("Quote of citation 1");
  await text.focus();
  await page.keyboard.press("Control+Home");
  for (let i = 0; i < 3; i++) await page.keyboard.press("Control+Shift+ArrowRight");
  await expect(quote).toHaveValue("Ruritania's President Anna");

  const first =
    "Ruritania's President Anna Example will attend the Harbour Summit on 1 June, her office said on Monday.";
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("Alt+Shift+ArrowRight");
  await expect(quote).toHaveValue(first);
  await page.keyboard.press("Alt+Shift+ArrowRight");
  await expect(quote).toHaveValue(
    `${first} Borduria's leader Boris Sample is expected to attend as well, officials reported.`,
  );

  // A caret in the third sentence, and one action selects it.
  await text.evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const target = "declined the invitation";
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(target);
      if (at >= 0) {
        document.getSelection()!.collapse(node, at + 3);
        return;
      }
    }
  });
  await add.getByRole("button", { name: "Select this sentence" }).click();
  await expect(quote).toHaveValue("Syldavia's King Ottokar declined the invitation.");
});

test("leaving a changed admin form asks first; the typed text stays when the editor stays", async ({
  signedIn: page,
}) => {
  await page.goto("/admin/entries/new");
  const note = page.getByLabel("Editors' note on the entry (optional)");
  await note.pressSequentially("Typed and not saved");
  const asked: string[] = [];
  page.once("dialog", (dialog) => {
    asked.push(dialog.type());
    void dialog.dismiss();
  });
  await page
    .getByRole("navigation", { name: "Admin" })
    .getByRole("link", { name: "Events" })
    .click();
  await expect.poll(() => asked).toEqual(["confirm"]);
  await expect(page).toHaveURL(/\/admin\/entries\/new$/);
  await expect(note).toHaveValue("Typed and not saved");

  page.once("dialog", (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toEqual(["confirm", "beforeunload"]);
});
