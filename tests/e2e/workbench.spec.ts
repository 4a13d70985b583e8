import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { createEntry, createLeader } from "../factories";
import { expect, signIn, test, type TestEvent } from "../fixtures";
import { chooseSource } from "./helpers/steps";

/** The new-entry form filled for an existing leader, up to the citations. */
async function startEntry(page: Page, event: TestEvent, leaderName: string) {
  await page.goto("/admin/entries/new");
  await page
    .getByLabel("Event", { exact: true })
    .selectOption({ label: `${event.name} (2000-06-01)` });
  await page
    .getByLabel("Existing leader", { exact: true })
    .selectOption({ label: `${leaderName} (Ruritania)` });
  await page.getByRole("radio", { name: /^Reported/ }).check();
  await chooseSource(
    page.getByLabel("Source of citation 1"),
    `${event.sourceTitle} (Example Wire)`,
  );
}

/** Where the text's `n`-th occurrence of `words` starts. */
function nth(text: string, words: string, n: number) {
  let at = -1;
  for (let i = 0; i < n; i++) at = text.indexOf(words, at + 1);
  if (at < 0) throw new Error(`"${words}" does not occur ${n} times`);
  return at;
}

/** Selects `[start, end)` of a text box's text by dragging the mouse over it, as a person does. */
async function dragSelect(page: Page, box: Locator, start: number, end: number) {
  const [from, to] = await box.evaluate(
    (root, [s, e]) => {
      const rectOf = (offset: number) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent!.length;
          if (offset < seen + length) {
            const range = document.createRange();
            range.setStart(node, offset - seen);
            range.setEnd(node, offset - seen + 1);
            const r = range.getBoundingClientRect();
            return { left: r.left, right: r.right, y: r.top + r.height / 2 };
          }
          seen += length;
        }
        throw new Error("offset outside the text");
      };
      root.scrollTop = 0;
      return [rectOf(s!), rectOf(e! - 1)];
    },
    [start, end],
  );
  await page.mouse.move(from!.left + 1, from!.y);
  await page.mouse.down();
  await page.mouse.move(to!.right - 1, to!.y, { steps: 5 });
  await page.mouse.up();
}

async function savedCitations(db: Parameters<typeof createLeader>[0], leaderId: number) {
  const entry = await db.attendance.findFirstOrThrow({
    where: { leaderId },
    include: { currentStep: { include: { citations: { orderBy: { position: "asc" } } } } },
  });
  return entry.currentStep!.citations.map((c) => ({ quote: c.quote, start: c.start }));
}

test("selecting a passage in the source's text fills the quote and saves a citation on that passage", async ({
  signedIn: page,
  testEvent,
  db,
}) => {
  const leader = await createLeader(db, { name: "Selma Select" });
  await startEntry(page, testEvent, leader.name);
  await page.getByRole("button", { name: "Select the quote in the source’s text" }).click();
  const text = page.getByRole("textbox", { name: `Text of “${testEvent.sourceTitle}”` });
  await expect(text).toContainText("Zembla’s Prime Minister");

  // "attend" occurs twice: the selection, not the words, says which one.
  const start = nth(testEvent.text, "attend", 2);
  await dragSelect(page, text, start, start + "attend".length);
  await expect(page.getByLabel("Quote of citation 1")).toHaveValue("attend");
  await page.getByRole("button", { name: "Create entry" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Entry created" })).toBeVisible();
  expect(await savedCitations(db, leader.id)).toEqual([{ quote: "attend", start }]);
});

test("a selection inside a passage already cited names the entries citing it", async ({
  signedIn: page,
  testEvent,
  db,
}) => {
  const cited = "Borduria's leader Boris Sample is expected to attend";
  const citing = await createLeader(db, { name: "Boris Sample" });
  await createEntry(db, {
    eventId: testEvent.id,
    leader: citing.id,
    steps: [{ status: "reported", citations: [{ sourceId: testEvent.sourceId, quote: cited }] }],
  });
  const leader = await createLeader(db, { name: "Other Leader" });
  await startEntry(page, testEvent, leader.name);
  await page.getByRole("button", { name: "Select the quote in the source’s text" }).click();
  const text = page.getByRole("textbox", { name: `Text of “${testEvent.sourceTitle}”` });
  const start = testEvent.text.indexOf("Boris Sample");
  await dragSelect(page, text, start, start + "Boris Sample".length);
  await expect(page.getByText("Already cited here by:")).toBeVisible();
  await expect(page.getByRole("link", { name: "Boris Sample" })).toBeVisible();
});

test("“Use this passage” shows what differs in a near miss and fixes it", async ({
  signedIn: page,
  testEvent,
  db,
}) => {
  const leader = await createLeader(db, { name: "Nora Nearmiss" });
  await startEntry(page, testEvent, leader.name);
  // A straight apostrophe where the source has a curly one: the two look alike.
  await page.getByLabel("Quote of citation 1").fill("Zembla's Prime Minister Kinbote");
  await page.getByRole("button", { name: "Create entry" }).click();

  const help = page.getByRole("group", { name: "Closest passage in the source" });
  await expect(help).toContainText(
    "The source has ’ (curly apostrophe) where you typed ' (straight apostrophe).",
  );
  await help.getByRole("button", { name: "Use this passage" }).click();
  const quote = page.getByLabel("Quote of citation 1");
  await expect(quote).toHaveValue("Zembla’s Prime Minister Kinbote");
  await expect(quote).toBeFocused();
  await page.getByRole("button", { name: "Create entry" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Entry created" })).toBeVisible();
  expect(await savedCitations(db, leader.id)).toEqual([
    {
      quote: "Zembla’s Prime Minister Kinbote",
      start: testEvent.text.indexOf("Zembla’s"),
    },
  ]);
});

test("a quote found in two places lists both, and the one chosen is saved", async ({
  signedIn: page,
  testEvent,
  db,
}) => {
  const leader = await createLeader(db, { name: "Ambra Ambiguous" });
  await startEntry(page, testEvent, leader.name);
  await page.getByLabel("Quote of citation 1").fill("attend");
  await page.getByRole("button", { name: "Create entry" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "several places" });
  await expect(summary).toBeVisible();
  await expect(summary).not.toContainText("could not be found");
  const places = page.getByRole("group", { name: "Which place do you mean?" });
  await expect(places.getByRole("radio")).toHaveCount(2);
  await places.getByRole("radio", { name: /expected to attend as well/ }).check();
  await page.getByRole("button", { name: "Create entry" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Entry created" })).toBeVisible();
  expect(await savedCitations(db, leader.id)).toEqual([
    { quote: "attend", start: nth(testEvent.text, "attend", 2) },
  ]);
});

test("the entry form by keyboard alone: focus follows add, remove, the error summary and the save", async ({
  signedIn: page,
  testEvent,
  db,
}) => {
  const leader = await createLeader(db, { name: "Kim Keyboard" });
  await page.goto("/admin/entries/new");
  const focused = () => page.locator(":focus");

  await page.getByLabel("Event", { exact: true }).focus();
  await page
    .getByLabel("Event", { exact: true })
    .selectOption({ label: `${testEvent.name} (2000-06-01)` });
  await page.getByLabel("Existing leader", { exact: true }).focus();
  await page
    .getByLabel("Existing leader", { exact: true })
    .selectOption({ label: `${leader.name} (Ruritania)` });
  await page.getByRole("radio", { name: /^Confirmed/ }).focus();
  await page.keyboard.press("Space");
  await page.getByLabel("Source of citation 1").focus();
  await chooseSource(
    page.getByLabel("Source of citation 1"),
    `${testEvent.sourceTitle} (Example Wire)`,
  );

  await page.getByRole("button", { name: "Add a citation" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Quote of citation 2")).toBeFocused();
  await page.keyboard.type("not in the source at all, not one word of it");

  // Saving with a wrong quote: focus moves to the summary, whose link leads to the field.
  await page.getByRole("button", { name: "Create entry" }).focus();
  await page.keyboard.press("Enter");
  const summary = page.getByRole("alert").filter({ hasText: "Quote of citation 1" });
  await expect(summary).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(focused()).toHaveText(/^Quote of citation 1: /);
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Quote of citation 1")).toBeFocused();
  await page.keyboard.type("Ruritania's President Anna Example will attend the Harbour Summit");

  await page.getByRole("button", { name: "Remove citation 2" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Quote of citation 2")).toHaveCount(0);
  await expect(page.getByLabel("Quote of citation 1")).toBeFocused();

  await page.getByRole("button", { name: "Create entry" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Entry created" })).toBeFocused();
  expect((await savedCitations(db, leader.id)).map((c) => c.quote)).toEqual([
    "Ruritania's President Anna Example will attend the Harbour Summit",
  ]);
});

test("a refused duplicate entry carries its typed step to the existing entry's Add a step form", async ({
  signedIn: page,
  testEvent,
  db,
}) => {
  const leader = await createLeader(db, { name: "Dora Double" });
  const existing = await createEntry(db, {
    eventId: testEvent.id,
    leader: leader.id,
    steps: [
      {
        status: "declined",
        asOf: "2000-05-01",
        citations: [{ sourceId: testEvent.sourceId, quote: "Syldavia's King Ottokar declined" }],
      },
    ],
  });
  await startEntry(page, testEvent, leader.name);
  await page.getByLabel("As of").fill("2000-05-20");
  await page.getByLabel("Public note on this status (optional)").fill("Said by aides & officials");
  const quote = "Borduria's leader Boris Sample is expected to attend as well";
  await page.getByLabel("Quote of citation 1").fill(quote);
  await page.getByRole("button", { name: "Create entry" }).click();
  await expect(page.getByText("already has an entry for this event").first()).toBeVisible();
  await page.getByRole("link", { name: "Open the existing entry" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/entries/${existing.id}\\?`));

  // What was typed is in the existing entry's "Add a step" form, ready to check and add.
  const add = page.getByRole("form", { name: "Add a step" });
  await expect(page.getByRole("note").filter({ hasText: "The step you typed" })).toBeVisible();
  await expect(add.getByRole("radio", { name: /^Reported/ })).toBeChecked();
  await expect(add.getByLabel("As of")).toHaveValue("2000-05-20");
  await expect(add.getByLabel("Public note on this status (optional)")).toHaveValue(
    "Said by aides & officials",
  );
  // The picker shows the carried source by its title and id.
  await expect(add.getByLabel("Source of citation 1")).toHaveValue(
    new RegExp(`^${testEvent.sourceTitle} .*\\(#${testEvent.sourceId}\\)$`),
  );
  await expect(add.getByLabel("Quote of citation 1")).toHaveValue(quote);
  await add.getByRole("button", { name: "Add step" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Step added." })).toContainText(
    "The current status is Reported, as of 20 May 2000",
  );
  const steps = await db.statusStep.findMany({
    where: { attendanceId: existing.id },
    include: { citations: true },
    orderBy: { id: "asc" },
  });
  expect(steps.map((s) => [s.status, s.note, s.citations.map((c) => c.quote)])).toEqual([
    ["declined", "", ["Syldavia's King Ottokar declined"]],
    ["reported", "Said by aides & officials", [quote]],
  ]);
});

test("the entry form has no axe violation of any impact, fresh and after a failed save", async ({
  signedIn: page,
  testEvent,
  db,
}) => {
  const leader = await createLeader(db, { name: "Axel Axe" });
  await startEntry(page, testEvent, leader.name);
  const check = async () => {
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target)}`),
    ).toEqual([]);
  };
  await check();
  await page.getByRole("button", { name: "Select the quote in the source’s text" }).click();
  await expect(page.getByRole("textbox", { name: /^Text of/ })).toBeVisible();
  await check();
  await page.getByLabel("Quote of citation 1").fill("attend");
  await page.getByRole("button", { name: "Create entry" }).click();
  await expect(page.getByRole("group", { name: "Which place do you mean?" })).toBeVisible();
  await check();
});

test("the filtered, full and Excel exports have different file names", async ({ request }) => {
  const names = [];
  for (const query of ["", "?status=confirmed", "?bom=1", "?status=confirmed&bom=1"]) {
    const response = await request.get(`/events/victory-day-parade-2025/attendance.csv${query}`);
    names.push(response.headers()["content-disposition"]);
  }
  expect(new Set(names).size).toBe(4);
  expect(names[1]).toMatch(/filename="rollcall-victory-day-parade-2025-confirmed-\d{4}-/);
  expect(names[2]).toMatch(/filename="rollcall-victory-day-parade-2025-excel-\d{4}-/);
});

test("restoring a version asks first, showing what will change, and changes nothing until confirmed", async ({
  signedIn: page,
  testEvent,
  db,
}) => {
  const leader = await createLeader(db, { name: "Rita Revert" });
  const entry = await createEntry(db, {
    eventId: testEvent.id,
    leader: leader.id,
    note: "First note",
    steps: [
      {
        status: "declined",
        citations: [{ sourceId: testEvent.sourceId, quote: "Syldavia's King Ottokar declined" }],
      },
    ],
  });
  await page.goto(`/admin/entries/${entry.id}`);
  await page.getByLabel("Editors' note on the entry (optional)").fill("Second note");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeFocused();

  const history = page.getByRole("region", { name: "History" });
  await history.getByRole("link", { name: /Restore this version/ }).click();
  const changes = page.getByRole("table", { name: "What will change" });
  await expect(changes.getByRole("row", { name: /Note/ })).toContainText("Second note");
  await expect(changes.getByRole("row", { name: /Note/ })).toContainText("First note");
  // Asking changed nothing.
  expect((await db.attendance.findUniqueOrThrow({ where: { id: entry.id } })).note).toBe(
    "Second note",
  );

  await page.getByRole("button", { name: "Restore this version" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Reverted." })).toBeFocused();
  expect((await db.attendance.findUniqueOrThrow({ where: { id: entry.id } })).note).toBe(
    "First note",
  );
});

test("a save over another session's lets the editor keep both sessions' citations", async ({
  signedIn: page,
  browser,
  editor,
  testEvent,
  db,
}) => {
  const leader = await createLeader(db, { name: "Connie Conflict" });
  const first = "Ruritania's President Anna Example will attend the Harbour Summit";
  const theirs = "Borduria's leader Boris Sample is expected to attend as well";
  const mine = "Syldavia's King Ottokar declined the invitation";
  const entry = await createEntry(db, {
    eventId: testEvent.id,
    leader: leader.id,
    steps: [
      {
        status: "reported",
        asOf: "2000-05-01",
        citations: [{ sourceId: testEvent.sourceId, quote: first }],
      },
    ],
  });
  const step = "Step: Reported, as of 1 May 2000";
  const source = `${testEvent.sourceTitle} (Example Wire)`;
  await page.goto(`/admin/entries/${entry.id}`);

  // The same editor, in another browser: another session.
  const other = await (
    await browser.newContext({ baseURL: test.info().project.use.baseURL })
  ).newPage();
  await signIn(other, editor);
  await expect(other.getByRole("heading", { level: 1, name: "Entries" })).toBeVisible();
  await other.goto(`/admin/entries/${entry.id}`);
  await other.getByText(`Edit this step: ${step.slice(6)}`).click();
  const otherForm = other.getByRole("form", { name: step });
  await chooseSource(otherForm.getByLabel("Source of citation 2"), source);
  await otherForm.getByLabel("Quote of citation 2").fill(theirs);
  await otherForm.getByRole("button", { name: "Save step" }).click();
  await expect(other.getByRole("status")).toContainText("Step saved");

  await page.getByText(`Edit this step: ${step.slice(6)}`).click();
  const form = page.getByRole("form", { name: step });
  await chooseSource(form.getByLabel("Source of citation 2"), source);
  await form.getByLabel("Quote of citation 2").fill(mine);
  await form.getByRole("button", { name: "Save step" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "in another session" })).toBeFocused();
  await page
    .getByRole("group", { name: "What to keep" })
    .getByRole("checkbox", { name: new RegExp(`the other session added: “${theirs}`) })
    .check();
  await page.getByRole("button", { name: "Save step" }).first().click();

  await expect(page.getByRole("status").filter({ hasText: "Step saved" })).toBeVisible();
  expect((await savedCitations(db, leader.id)).map((c) => c.quote)).toEqual([first, mine, theirs]);
});

test("the source's text takes a selection made with the keyboard", async ({
  signedIn: page,
  testEvent,
  db,
}) => {
  const leader = await createLeader(db, { name: "Kari Keys" });
  await startEntry(page, testEvent, leader.name);
  await page.getByRole("button", { name: "Select the quote in the source’s text" }).press("Enter");
  const text = page.getByRole("textbox", { name: `Text of “${testEvent.sourceTitle}”` });
  await text.focus();
  await page.keyboard.press("Control+Home");
  for (let i = 0; i < "Ruritania's President".length; i++)
    await page.keyboard.press("Shift+ArrowRight");
  await expect(page.getByLabel("Quote of citation 1")).toHaveValue("Ruritania's President");
  // Typing into the source's text changes nothing: it is read-only.
  await page.keyboard.type("x");
  await expect(text).toContainText("Ruritania's President Anna Example");
  await page.getByRole("button", { name: "Create entry" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Entry created" })).toBeVisible();
  expect(await savedCitations(db, leader.id)).toEqual([
    { quote: "Ruritania's President", start: 0 },
  ]);
});

test("the source panel's read is for editors only", async ({ request, testEvent }) => {
  const response = await request.get(`/api/admin/sources/${testEvent.sourceId}/citing`);
  expect(response.status()).toBe(401);
});
