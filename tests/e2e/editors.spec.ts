import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { BASE_URL, E2E_DATABASE_URL } from "../../playwright.config";
import { expect, signIn, test, type TestEvent } from "../fixtures";
import { untilCached } from "./helpers/page-cache";
import { addDeclinedStep, chooseSource } from "./helpers/steps";
import type { Page } from "@playwright/test";

const run = promisify(execFile);

async function createEntryWithNewLeader(
  page: Page,
  event: TestEvent,
  leader = { name: "Anna Example", office: "President", polity: "Ruritania", code: "" },
) {
  await page.goto("/admin/entries/new");
  await page
    .getByLabel("Event", { exact: true })
    .selectOption({ label: `${event.name} (2000-06-01)` });
  await page.getByLabel("A new leader").check();
  await page.getByLabel("Name", { exact: true }).fill(leader.name);
  await page.getByLabel("Office").fill(leader.office);
  await page.getByLabel("Country or entity").fill(leader.polity);
  if (leader.code) await page.getByLabel("ISO country code").fill(leader.code);
  await page.getByRole("radio", { name: /^Confirmed/ }).check();
  await page.getByLabel("As of").fill("2000-05-01");
  await chooseSource(
    page.getByLabel("Source of citation 1"),
    `${event.sourceTitle} (Example Wire)`,
  );
}

/** Anna Example, confirmed as of 1 May 2000 with a quote of the test event's source: her edit page. */
async function createConfirmedEntry(page: Page, event: TestEvent) {
  await createEntryWithNewLeader(page, event);
  await page
    .getByLabel("Quote of citation 1")
    .fill("Ruritania's President Anna Example will attend the Harbour Summit");
  await page.getByRole("button", { name: "Create entry" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Entry created" })).toBeVisible();
  return page.url();
}

test("an editor signs in, creates an entry with a new leader, and the public list shows it with a working citation", async ({
  signedIn: page,
  testEvent,
  db,
}) => {
  await createEntryWithNewLeader(page, testEvent);
  await page
    .getByLabel("Quote of citation 1")
    .fill("Ruritania's President Anna Example will attend the Harbour Summit on 1 June");
  await page.getByRole("button", { name: "Create entry" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Entry created" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Edit: Anna Example" })).toBeVisible();
  await expect(page.locator("mark").first()).toHaveText(
    "Ruritania's President Anna Example will attend the Harbour Summit on 1 June",
  );

  await page.goto(`/events/${testEvent.slug}`);
  const row = page.getByRole("table").getByRole("row").filter({ hasText: "Anna Example" });
  await expect(row.getByText("Confirmed", { exact: true })).toBeVisible();
  await row.getByRole("link", { name: /^Citation 1 for Anna Example/ }).click();
  await expect(page.locator("mark:target")).toHaveText(
    "Ruritania's President Anna Example will attend the Harbour Summit on 1 June",
  );

  const revisions = await db.revision.findMany({ where: { eventId: testEvent.id } });
  expect(revisions.map((r) => [r.entityType, r.action])).toEqual([["attendance", "create"]]);
});

test("a quote that is not in the source gives a field error and saves nothing", async ({
  signedIn: page,
  testEvent,
  db,
}) => {
  await createEntryWithNewLeader(page, testEvent, {
    name: "Boris Sample",
    office: "Leader",
    polity: "Borduria",
    code: "",
  });
  // Straight apostrophe where the source has a curly one: close, but not exact.
  await page.getByLabel("Quote of citation 1").fill("Zembla's Prime Minister Kinbote");
  await page.getByRole("button", { name: "Create entry" }).click();

  const quote = page.getByLabel("Quote of citation 1");
  await expect(quote).toHaveAttribute("aria-invalid", "true");
  const errorId = (await quote.getAttribute("aria-describedby"))!;
  await expect(page.locator(`[id="${errorId}"]`)).toContainText(
    "This quote does not appear in the source",
  );
  await expect(page.locator(`[id="${errorId}"]`)).toContainText("Zembla’s Prime Minister Kinbote");
  // The editor's input is kept.
  await expect(quote).toHaveValue("Zembla's Prime Minister Kinbote");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Boris Sample");

  expect(await db.attendance.count({ where: { eventId: testEvent.id } })).toBe(0);
  expect(await db.leader.count({ where: { name: "Boris Sample" } })).toBe(0);
  expect(await db.revision.count({ where: { eventId: testEvent.id } })).toBe(0);
  await page.goto(`/events/${testEvent.slug}`);
  await expect(page.getByText("No leaders have been added to this event yet.")).toBeVisible();
});

test("a quote found twice asks for more context; an invalid country code is refused", async ({
  signedIn: page,
  testEvent,
}) => {
  await createEntryWithNewLeader(page, testEvent, {
    name: "Ottokar",
    office: "King",
    polity: "Syldavia",
    code: "XX",
  });
  await page.getByLabel("Quote of citation 1").fill("attend");
  await page.getByRole("button", { name: "Create entry" }).click();
  await expect(page.getByLabel("ISO country code")).toHaveAttribute("aria-invalid", "true");
  // Said by the field, and listed in the summary at the top.
  await expect(page.locator('[id="leader.countryCode-error"]')).toContainText(
    "Use an ISO 3166-1 two-letter country code",
  );
  await page.getByLabel("ISO country code").fill("");
  await page.getByRole("button", { name: "Create entry" }).click();
  await expect(page.locator('[id="citations.0.quote-error"]')).toContainText(
    /This quote appears \d+ times in the source: choose the place you mean below, or include more of the surrounding words/,
  );
});

test("changing a status shows on the public page at once", async ({
  signedIn: page,
  testEvent,
}) => {
  const editUrl = await createConfirmedEntry(page, testEvent);

  await page.goto(`/events/${testEvent.slug}`);
  await expect(page.getByRole("table").getByText("Confirmed", { exact: true })).toBeVisible();
  const entryPage = page.url();

  // A newer step of the story: it becomes the current status.
  await page.goto(editUrl);
  await addDeclinedStep(page, testEvent);

  await page.goto(entryPage);
  await expect(page.getByRole("table").getByText("Declined", { exact: true })).toBeVisible();
  await expect(page.getByRole("table").getByText("Confirmed", { exact: true })).toHaveCount(0);
  await page.getByRole("table").getByRole("link", { name: "Anna Example", exact: true }).click();
  await expect(page.getByRole("blockquote").locator("mark")).toHaveText(
    "Syldavia's King Ottokar declined the invitation.",
  );
});

test("the admin list shows each change at once: a new entry, a newer status, a leader renamed", async ({
  signedIn: page,
  testEvent,
  db,
}) => {
  const name = `Anna Listed ${testEvent.id}`;
  const renamed = `Anna Renamed ${testEvent.id}`;
  const search = (q: string) => page.goto(`/admin?q=${encodeURIComponent(q)}`);
  const rowOf = (leader: string) =>
    page.getByRole("table").getByRole("row").filter({ hasText: leader });
  // Both searches read (and keep) their empty answers before the changes.
  for (const q of [name, renamed]) {
    await search(q);
    await expect(page.getByText("No entries match these filters.")).toBeVisible();
  }

  await createEntryWithNewLeader(page, testEvent, {
    name,
    office: "President",
    polity: "Ruritania",
    code: "",
  });
  await page
    .getByLabel("Quote of citation 1")
    .fill("Ruritania's President Anna Example will attend the Harbour Summit");
  await page.getByRole("button", { name: "Create entry" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Entry created" })).toBeVisible();
  const editUrl = page.url();

  await search(name);
  await expect(rowOf(name)).toContainText("Confirmed");
  // The test event's list (other tests' entries may be newer on the first page of all).
  await page.goto(`/admin?event=${testEvent.slug}`);
  const newest = page.getByRole("table").getByRole("row").nth(1);
  await expect(newest).toContainText(name);
  await expect(newest).toContainText(`${testEvent.name}1 June 2000`);

  await page.goto(editUrl);
  await addDeclinedStep(page, testEvent);
  await search(name);
  await expect(rowOf(name)).toContainText("Declined");
  await expect(rowOf(name)).toContainText("20 May 2000");

  const leader = await db.leader.findFirstOrThrow({ where: { name } });
  await page.goto(`/admin/leaders/${leader.id}`);
  await page.getByLabel("Name").fill(renamed);
  await page.getByRole("button", { name: "Save leader" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await search(renamed);
  await expect(rowOf(renamed)).toContainText("Declined");
  await page.goto(`/admin?event=${testEvent.slug}`);
  await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText(renamed);
  await rowOf(renamed)
    .getByRole("link", { name: `Edit ${renamed} at ${testEvent.name}` })
    .click();
  await expect(page).toHaveURL(editUrl);
});

test("a list by status or sorted, and the API's first page, come from the cache and show an edit at once", async ({
  signedIn: page,
  testEvent,
  request,
}) => {
  // It waits out the few seconds after an edit in which no view is stored twice.
  test.slow();
  const editUrl = await createConfirmedEntry(page, testEvent);

  // A reader (no session cookie). Once stored, each view is served from the page cache; for a
  // few seconds after an edit of the event none is stored (lib/cache/page-cache.mjs), so the
  // first reads wait for that.
  const list = `/events/${testEvent.slug}`;
  const api = `/api/events/${testEvent.slug}/attendance`;
  let cached = false;
  const read = async (url: string) => {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    if (!cached) return response.text();
    await untilCached(request, [url]);
    return (await request.get(url)).text();
  };
  const statusOf = async (url: string) => {
    const body = JSON.parse(await read(url));
    return body.entries.find((e: { leader: { name: string } }) => e.leader.name === "Anna Example")
      ?.status;
  };
  // Anna's own row, not the filter's option or the counts, which say "Declined" on any list.
  const annaRow = (html: string) =>
    /<tr[^>]*>(?:(?!<\/tr>)[\s\S])*>Anna Example<\/a>[\s\S]*?<\/tr>/.exec(html)?.[0] ?? "";
  cached = true;
  expect(await read(`${list}?status=confirmed`)).toContain(">Anna Example</a>");
  expect(await read(`${list}?status=declined`)).not.toContain(">Anna Example</a>");
  // The filter form's own query (every field, empty ones too) is the same cached view.
  expect(await read(`${list}?q=&status=declined&sort=name&asOf=`)).toContain(
    "No leaders match these filters.",
  );
  expect(annaRow(await read(`${list}?sort=country`))).toContain(">Confirmed<");
  // A search and a day are cached too, each under its query's one spelling.
  expect(annaRow(await read(`${list}?q=anna`))).toContain(">Confirmed<");
  expect(annaRow(await read(`${list}?asOf=2000-05-25&q=anna&status=`))).toContain(">Confirmed<");
  expect(await statusOf(api)).toBe("confirmed");
  // The embed, in any state, is cached as the list is.
  const embed = `/embed/events/${testEvent.slug}`;
  const noneWithStatus = /No leaders (?:<!-- -->)?with this status/;
  expect(await read(`${embed}?status=confirmed`)).not.toMatch(noneWithStatus);
  expect(await read(`${embed}?status=declined`)).toMatch(noneWithStatus);
  // The picture a shared link previews with shows the counts: cached, as the list is.
  const image = `${list}/opengraph-image`;
  await read(image);
  const imageBefore = await (await request.get(image)).body();
  // Stored through another spelling of its address (a percent-encoded letter): the entry is
  // the same, and the edit must reach it too.
  const encoded = `/api/events/%${testEvent.slug.charCodeAt(0).toString(16)}${testEvent.slug.slice(1)}/attendance`;
  expect(await statusOf(`${encoded}?sort=country`)).toBe("confirmed");
  expect(await statusOf(`${api}?status=confirmed`)).toBe("confirmed");
  expect(await statusOf(`${api}?status=declined`)).toBeUndefined();

  await page.goto(editUrl);
  await addDeclinedStep(page, testEvent);

  // At once: the first request after the save, no cached view of before it.
  cached = false;
  expect(await read(`${list}?status=confirmed`)).not.toContain(">Anna Example</a>");
  expect(await read(`${list}?q=&status=declined&sort=name&asOf=`)).toContain(">Anna Example</a>");
  expect(annaRow(await read(`${list}?sort=country`))).toContain(">Declined<");
  expect(await statusOf(api)).toBe("declined");
  expect(await statusOf(`${api}?sort=country`)).toBe("declined");
  expect(await statusOf(`${api}?status=confirmed`)).toBeUndefined();
  expect(await statusOf(`${api}?status=declined`)).toBe("declined");
  expect(await read(`${embed}?status=confirmed`)).toMatch(noneWithStatus);
  expect(await read(`${embed}?asOf=&status=declined`)).not.toMatch(noneWithStatus);
  const imageAfter = await request.get(image);
  expect(imageAfter.headers()["content-type"]).toBe("image/png");
  expect((await imageAfter.body()).equals(imageBefore), "the picture after the edit").toBe(false);
  // The event's cached searches and days show it at once too, in any spelling.
  expect(annaRow(await read(`${list}?q=anna`))).toContain(">Declined<");
  expect(annaRow(await read(`${list}?q=anna&asOf=2000-05-25`))).toContain(">Declined<");
  expect(annaRow(await read(`${list}?asOf=2000-05-10&q=Anna`))).toContain(">Confirmed<");
  // And they are cached again after it.
  cached = true;
  expect(annaRow(await read(`${list}?status=&asOf=2000-05-25&q=anna`))).toContain(">Declined<");
});

test("two editors change the same entry: the second gets the conflict with their input kept", async ({
  browser,
  signedIn: page,
  testEvent,
  editor,
}) => {
  await createEntryWithNewLeader(page, testEvent);
  await page
    .getByLabel("Quote of citation 1")
    .fill("Ruritania's President Anna Example will attend the Harbour Summit");
  await page.getByRole("button", { name: "Create entry" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Entry created" })).toBeVisible();
  const editUrl = page.url().replace(/\?.*$/, "");

  const other = await browser.newContext();
  const second = await other.newPage();
  await signIn(second, editor);
  await expect(second.getByRole("heading", { level: 1, name: "Entries" })).toBeVisible();
  await second.goto(editUrl);

  // The first editor saves.
  await page.goto(editUrl);
  await page.getByLabel("Editors' note on the entry (optional)").fill("First editor's note");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  // The second editor, on the page loaded before that save, saves other changes.
  await second.getByLabel("Editors' note on the entry (optional)").fill("Second editor's note");
  await second.getByRole("button", { name: "Save changes" }).click();
  const alert = second
    .getByRole("alert")
    // The same account in another browser: the message says so.
    .filter({ hasText: "You saved this entry in another session" });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole("row", { name: /Note/ })).toContainText("First editor's note");
  await expect(second.getByLabel("Editors' note on the entry (optional)")).toHaveValue(
    "Second editor's note",
  );
  // The rest of the page shows the entry as saved now: its history has the first save.
  await expect(second.getByRole("region", { name: "History" }).getByRole("listitem")).toHaveCount(
    2,
  );

  // Nothing was overwritten: the public page shows the first save.
  const check = await browser.newPage();
  await check.goto(editUrl.replace(/\/admin\/entries\//, "/attendance/"));
  await expect(check.locator("article header").getByText("First editor's note")).toBeVisible();

  // Saving again applies the second editor's input over the first save, knowingly.
  await second.getByRole("button", { name: "Save changes" }).click();
  await expect(second.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await check.reload();
  await expect(check.locator("article header").getByText("Second editor's note")).toBeVisible();
  await other.close();
  await check.close();
});

test("an entry is deleted only after confirmation", async ({ signedIn: page, testEvent, db }) => {
  await createEntryWithNewLeader(page, testEvent);
  await page
    .getByLabel("Quote of citation 1")
    .fill("Ruritania's President Anna Example will attend the Harbour Summit");
  await page.getByRole("button", { name: "Create entry" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Entry created" })).toBeVisible();

  await page.getByRole("link", { name: "Delete entry" }).click();
  await page.getByRole("button", { name: "Delete entry" }).click();
  await expect(page.locator("#confirm-error")).toHaveText("Tick the box to confirm the deletion.");
  expect(await db.attendance.count({ where: { eventId: testEvent.id } })).toBe(1);

  await page.getByLabel("Yes, delete the entry for Anna Example").check();
  await page.getByRole("button", { name: "Delete entry" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "The entry was deleted." }),
  ).toBeVisible();
  expect(await db.attendance.count({ where: { eventId: testEvent.id } })).toBe(0);
  await page.goto(`/events/${testEvent.slug}`);
  await expect(page.getByText("No leaders have been added to this event yet.")).toBeVisible();
});

test("signing out ends the session; admin pages send everyone else to sign-in", async ({
  signedIn: page,
}) => {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await page.goto("/admin/entries/new");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin%2Fentries%2Fnew/);
  const response = await page.goto("/admin");
  expect(response?.headers()["x-robots-tag"] ?? "").toContain("noindex");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
});

test("an action posted without a session changes nothing", async ({
  signedIn: page,
  testEvent,
  db,
}) => {
  await createEntryWithNewLeader(page, testEvent);
  await page
    .getByLabel("Quote of citation 1")
    .fill("Ruritania's President Anna Example will attend the Harbour Summit");
  // The session ends while the form is open (cookies gone), then the editor saves.
  await page.context().clearCookies();
  await page.getByRole("button", { name: "Create entry" }).click();
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: "Your session has ended. Sign in again; nothing was saved." }),
  ).toBeVisible();
  expect(await db.attendance.count({ where: { eventId: testEvent.id } })).toBe(0);
  expect(await db.leader.count({ where: { name: `Nobody ${testEvent.id}` } })).toBe(0);
});

test("the sign-up endpoint refuses", async ({ request, db }) => {
  const email = `intruder-${Date.now()}@example.org`;
  const response = await request.post("/api/auth/sign-up/email", {
    data: { email, password: "a-long-enough-password", name: "Intruder" },
    // From the site itself: refused for what it asks, not for where it comes from.
    headers: { origin: new URL(BASE_URL).origin },
  });
  expect(response.status()).toBeGreaterThanOrEqual(400);
  expect(response.status()).toBeLessThan(500);
  expect(await db.user.count({ where: { email } })).toBe(0);
});

test("the sixth wrong password in a minute is throttled", async ({ page, editor }) => {
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signIn(page, { ...editor, password: `wrong-password-${attempt}` });
    await expect(
      page.getByRole("alert").filter({ hasText: "do not match an editor account" }),
    ).toBeVisible();
  }
  await signIn(page, { ...editor, password: "wrong-password-6" });
  await expect(
    page.getByRole("alert").filter({ hasText: /Too many failed sign-ins\. Wait \d+ seconds/ }),
  ).toBeVisible();
  // Even the right password waits until the window ends.
  await signIn(page, editor);
  await expect(
    page.getByRole("alert").filter({ hasText: /Too many failed sign-ins/ }),
  ).toBeVisible();
});

test("the editor command creates an account that can sign in", async ({ page }) => {
  const email = `cli-${Date.now()}@example.org`;
  const { stdout } = await run(
    "node_modules/.bin/tsx",
    ["scripts/editor-create.ts", "--email", email, "--name", "C. Li"],
    {
      env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
    },
  );
  const password = /Password \(shown once, store it now\): (\S+)/.exec(stdout)?.[1];
  expect(password).toHaveLength(20);
  await signIn(page, { email, name: "C. Li", password: password! });
  await expect(page.getByRole("heading", { level: 1, name: "Entries" })).toBeVisible();
  await expect(page.getByText("Signed in as C. Li")).toBeVisible();
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ signedIn: page }) => {
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith("session_token"));
  expect(session, cookies.map((c) => c.name).join(", ")).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
  // Plain http here; behind https (BETTER_AUTH_URL https://…) the cookie is Secure and __Secure- prefixed.
  expect(session!.secure).toBe(false);
});
