import type { Browser, Page } from "@playwright/test";
import {
  createEditor,
  createEntry,
  createEvent,
  createLeader,
  createSource,
  unique,
} from "../factories";
import { expect, signIn, test, type TestEditor, type TestEvent } from "../fixtures";
import { expectNoSeriousA11yViolations } from "./helpers/a11y";
import { totp } from "./helpers/totp";

/**
 * A newsroom's accounts: invitations, roles, disabling, two-factor sign-in, sessions. The last
 * admin's refusal to demote itself needs a database with a single admin, so it is in the
 * reliability suite (tests/reliability/accounts.spec.ts), which gives each spec its own.
 */

const PASSWORD = "correct horse battery staple";

async function invite(page: Page, email: string, role: "Editor" | "Reviewer" | "Admin") {
  await page.goto("/admin/accounts");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: role });
  await page.getByRole("button", { name: "Invite" }).click();
  const link = page.getByRole("textbox", { name: "Invitation link" });
  await expect(link).toHaveValue(/\/sign-in\/invitation\/[\w-]{40,}$/);
  return new URL(await link.inputValue()).pathname;
}

/** Opens an invitation in a browser of its own and joins; returns the signed-in page. */
async function join(browser: Browser, path: string, name: string) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(path);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel(/Choose a password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByRole("navigation", { name: "Admin" })).toBeVisible();
  await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();
  return page;
}

/** Signs in and waits until the admin shows. */
async function signInAs(page: Page, editor: TestEditor) {
  await signIn(page, editor);
  await expect(page.getByRole("navigation", { name: "Admin" })).toBeVisible();
}

async function newSignedIn(browser: Browser, editor: TestEditor) {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, editor);
  return page;
}

test("an admin invites an editor and a reviewer, and each joins through the link with their role", async ({
  signedIn: admin,
  browser,
  db,
}) => {
  const tag = unique();
  const editorLink = await invite(admin, `ed-${tag}@example.org`, "Editor");
  const reviewerLink = await invite(admin, `rev-${tag}@example.org`, "Reviewer");
  await expect(admin.getByText(`rev-${tag}@example.org, as reviewer`)).toBeVisible();

  const editor = await join(browser, editorLink, `Ed ${tag}`);
  const reviewer = await join(browser, reviewerLink, `Rev ${tag}`);
  // Neither sees the accounts; each has the role it was invited with.
  await expect(editor.getByRole("link", { name: "Accounts" })).toHaveCount(0);
  await expect(reviewer.getByRole("link", { name: "Accounts" })).toHaveCount(0);
  const roles = await db.user.findMany({
    where: { email: { in: [`ed-${tag}@example.org`, `rev-${tag}@example.org`] } },
    select: { email: true, role: true },
    orderBy: { email: "asc" },
  });
  expect(roles).toEqual([
    { email: `ed-${tag}@example.org`, role: "editor" },
    { email: `rev-${tag}@example.org`, role: "reviewer" },
  ]);
  // The record, for admins: both invitations and both joins.
  await admin.goto("/admin/accounts/record");
  await expect(admin.getByRole("row").filter({ hasText: `Ed ${tag}` })).toContainText("Joined");
  await expect(
    admin
      .getByRole("row")
      .filter({ hasText: `rev-${tag}@example.org` })
      .first(),
  ).toBeVisible();
  // Never on the public record of changes.
  await admin.goto("/changes");
  await expect(admin.getByText(`ed-${tag}@example.org`)).toHaveCount(0);
});

test("an editor sees no delete on a source, and a delete from a page shown before is refused", async ({
  page,
  browser,
  db,
  testEvent,
}) => {
  const editor = await createEditor(db, { role: "editor" });
  await signInAs(page, editor);
  await page.goto(`/admin/sources/${testEvent.sourceId}`);
  await expect(page.getByRole("button", { name: "Save source" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Delete source" })).toHaveCount(0);
  // Nor on the confirmation page, opened by its address.
  await page.goto(`/admin/sources/${testEvent.sourceId}/delete`);
  await expect(page.getByRole("note")).toContainText("cannot delete sources");
  await expect(page.getByRole("button", { name: "Delete source" })).toHaveCount(0);

  // An admin's confirmation page shows the button; the account is made an editor before the
  // click.
  const source = await db.source.create({
    data: {
      title: `Uncited ${unique()}`,
      publisher: "Wire",
      url: "https://example.org/u",
      text: "Text.",
    },
  });
  const admin = await createEditor(db);
  const adminPage = await newSignedIn(browser, admin);
  await adminPage.goto(`/admin/sources/${source.id}`);
  await adminPage.getByRole("link", { name: "Delete source" }).click();
  await expect(adminPage).toHaveURL(new RegExp(`/admin/sources/${source.id}/delete$`));
  await db.user.update({ where: { email: admin.email }, data: { role: "editor" } });
  await adminPage.getByRole("button", { name: "Delete source" }).click();
  await expect(
    adminPage.getByRole("alert").filter({ hasText: "cannot delete sources" }),
  ).toBeVisible();
  expect(await db.source.findUnique({ where: { id: source.id } })).not.toBeNull();
});

test("an editor opening what only an admin may confirm is told why, with no button to press", async ({
  page,
  db,
  testEvent,
}) => {
  const editor = await createEditor(db, { role: "editor" });
  const twin = await createLeader(db, { name: `Twin ${unique()}` });
  const other = await createLeader(db, { name: `Twin ${unique()}` });
  await signInAs(page, editor);

  await page.goto(`/admin/events/${testEvent.id}`);
  await expect(page.getByRole("button", { name: "Save event" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Delete this event" })).toHaveCount(0);
  await page.goto(`/admin/events/${testEvent.id}/delete`);
  await expect(page.getByRole("note")).toContainText("cannot delete events: editors may not");
  await expect(page.getByRole("button", { name: /^Delete/ })).toHaveCount(0);

  await page.goto(`/admin/leaders/${twin.id}`);
  await expect(page.getByRole("heading", { name: /^Merge/ })).toHaveCount(0);
  await page.goto(`/admin/leaders/${twin.id}/merge?other=${other.id}`);
  await expect(page.getByRole("note")).toContainText("cannot merge leaders: editors may not");
  await expect(page.getByRole("button", { name: /^Merge into/ })).toHaveCount(0);
  // Deleting a leader is an editor's: its confirmation asks.
  await page.goto(`/admin/leaders/${twin.id}/delete`);
  await expect(page.getByRole("button", { name: `Delete ${twin.name}` })).toBeVisible();
});

test("a reviewer confirms a citation in the review queue but cannot save an entry", async ({
  page,
  db,
  testEvent,
}) => {
  const reviewer = await createEditor(db, { role: "reviewer" });
  const entry = await createEntry(db, {
    eventId: testEvent.id,
    leader: { name: `Boris Sample ${unique()}`, polity: "Borduria" },
    steps: [
      {
        status: "reported",
        asOf: "2000-05-01",
        citations: [
          {
            sourceId: testEvent.sourceId,
            quote: "Borduria's leader Boris Sample is expected to attend",
          },
        ],
      },
    ],
  });
  const citation = entry.steps[0]!.citations[0]!;
  await db.citation.update({
    where: { id: citation.id },
    data: { review: "check", reviewSince: new Date(), citedQuote: citation.quote },
  });

  await signInAs(page, reviewer);
  await page.goto(`/admin/entries/${entry.id}`);
  await expect(page.getByRole("note")).toContainText("read-only for you");
  await expect(page.getByRole("button", { name: /Save/ })).toHaveCount(0);

  await page.goto("/admin/review");
  const item = page.getByRole("listitem").filter({ hasText: entry.leader.name });
  await item.getByRole("button", { name: "Confirm the new wording" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Confirmed." })).toBeVisible();
  expect((await db.citation.findUniqueOrThrow({ where: { id: citation.id } })).review).not.toBe(
    "check",
  );
});

/**
 * A record of each kind with every write an admin's page offers on it: an entry of two steps
 * with a version to restore, a leader with a twin to merge, an event and a source that nothing
 * keeps from being deleted.
 */
async function recordsWithEveryWrite(db: Parameters<typeof createEntry>[0], testEvent: TestEvent) {
  const name = `Anna Twin ${unique()}`;
  const quote = "Ruritania's President Anna Example will attend the Harbour Summit";
  const entry = await createEntry(db, {
    eventId: testEvent.id,
    leader: { name },
    steps: [
      {
        status: "reported",
        asOf: "2000-05-01",
        citations: [{ sourceId: testEvent.sourceId, quote }],
      },
      {
        status: "confirmed",
        asOf: "2000-05-02",
        citations: [{ sourceId: testEvent.sourceId, quote }],
      },
    ],
  });
  // A later version than the one its creation recorded, so the page offers to restore that one.
  await db.attendance.update({ where: { id: entry.id }, data: { version: { increment: 1 } } });
  const revision = await db.revision.findFirstOrThrow({
    where: { entityType: "attendance", entityId: entry.id },
  });
  const twin = await createLeader(db, { name });
  const event = await createEvent(db);
  const source = await createSource(db);
  return { entry, revision, leader: entry.leader, twin, event, source };
}

/** Any control that writes, by the words each admin page gives it. */
const WRITE_BUTTON =
  /^(Save|Create|Delete|Merge|Add step|Pin|Unpin|Remove|Restore|Fetch|Review the merge|Yes)/;
const WRITE_LINK = /^(New |Delete|Remove|Restore|Add a leader|Skip to “Add a step”)/;

test("a reviewer reads every admin page with nothing to save, and each says what a reviewer does", async ({
  page,
  db,
  testEvent,
}) => {
  // Nineteen pages: more than one ordinary test's time.
  test.slow();
  const reviewer = await createEditor(db, { role: "reviewer" });
  const { entry, revision, leader, twin, event, source } = await recordsWithEveryWrite(
    db,
    testEvent,
  );
  const paths = [
    "/admin",
    "/admin/entries/new",
    `/admin/entries/${entry.id}`,
    `/admin/entries/${entry.id}/delete`,
    `/admin/entries/${entry.id}/steps/${entry.steps[1]!.id}/remove`,
    `/admin/entries/${entry.id}/revert/${revision.id}`,
    "/admin/events",
    "/admin/events/new",
    `/admin/events/${event.id}`,
    `/admin/events/${event.id}/delete`,
    "/admin/leaders",
    "/admin/leaders/new",
    `/admin/leaders/${leader.id}`,
    `/admin/leaders/${leader.id}/delete`,
    `/admin/leaders/${leader.id}/merge?other=${twin.id}`,
    "/admin/sources",
    "/admin/sources/new",
    `/admin/sources/${source.id}`,
    `/admin/sources/${source.id}/delete`,
  ];
  await signInAs(page, reviewer);
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }), path).toBeVisible();
    await expect(page.getByRole("note"), path).toContainText(/reviewer/);
    await expect(page.getByRole("link", { name: "Go to the review queue" }), path).toBeVisible();
    await expect(page.getByRole("button", { name: WRITE_BUTTON }), path).toHaveCount(0);
    await expect(page.getByRole("link", { name: WRITE_LINK }), path).toHaveCount(0);
  }

  // The record's values are there to read, as text.
  await page.goto(`/admin/events/${event.id}`);
  await expect(page.getByRole("definition").filter({ hasText: event.place })).toBeVisible();
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await page.goto(`/admin/entries/${entry.id}`);
  await expect(
    page.getByRole("heading", { level: 1, name: `Entry: ${leader.name}` }),
  ).toBeVisible();
  // Both steps are told, and neither offers an edit.
  const story = page.getByRole("region", { name: "Story" });
  await expect(story.getByRole("heading", { level: 3 })).toHaveCount(2);
  await expect(story.getByText("Edit this step")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await page.goto(`/admin/sources/${source.id}`);
  await expectNoSeriousA11yViolations(page);
});

test("an editor edits events, sources and leaders, with no delete of an event or a source and no merge", async ({
  page,
  db,
  testEvent,
}) => {
  const editor = await createEditor(db, { role: "editor" });
  const { entry, leader, event, source } = await recordsWithEveryWrite(db, testEvent);
  await signInAs(page, editor);

  for (const [list, link] of [
    ["/admin", "New entry"],
    ["/admin/events", "New event"],
    ["/admin/leaders", "New leader"],
    ["/admin/sources", "New source"],
  ] as const) {
    await page.goto(list);
    await expect(page.getByRole("link", { name: link })).toBeVisible();
    await expect(page.getByRole("note")).toHaveCount(0);
  }

  await page.goto(`/admin/events/${event.id}`);
  await expect(page.getByRole("button", { name: "Save event" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Pin to the home page" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Delete this event" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Delete/ })).toHaveCount(0);

  await page.goto(`/admin/sources/${source.id}`);
  await expect(page.getByRole("button", { name: "Save source" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Delete this source" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Delete/ })).toHaveCount(0);

  // The twin of the same name is what an admin is offered to merge.
  await page.goto(`/admin/leaders/${leader.id}`);
  await expect(page.getByRole("button", { name: "Save leader" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Merge/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /merge/i })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Delete this leader" })).toBeVisible();

  // An entry is an editor's to change whole.
  await page.goto(`/admin/entries/${entry.id}`);
  await expect(page.getByRole("button", { name: "Save changes" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add step" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Delete entry" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Remove this step/ })).toHaveCount(2);
  await expect(page.getByRole("link", { name: /^Restore this version/ })).toHaveCount(1);
});

test("an admin disables an editor, whose open session is refused at its next request", async ({
  signedIn: admin,
  browser,
  db,
}) => {
  const editor = await createEditor(db, { role: "editor", name: `Freelancer ${unique()}` });
  const editorPage = await newSignedIn(browser, editor);

  await admin.goto("/admin/accounts");
  await admin.getByRole("button", { name: `Disable ${editor.name}` }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Account disabled" })).toBeVisible();

  await editorPage.goto("/admin/events");
  await expect(editorPage).toHaveURL(/\/sign-in/);
  // And it cannot sign in again.
  await signIn(editorPage, editor);
  await expect(
    editorPage.getByRole("alert").filter({ hasText: "This account is disabled" }),
  ).toBeVisible();
});

test("an expired or used invitation is refused", async ({ signedIn: admin, browser, db }) => {
  const tag = unique();
  const used = await invite(admin, `once-${tag}@example.org`, "Editor");
  await join(browser, used, `Once ${tag}`);
  const again = await (await browser.newContext()).newPage();
  await again.goto(used);
  await expect(again.getByRole("alert").filter({ hasText: "already been used" })).toBeVisible();
  await expect(again.getByRole("button", { name: "Join" })).toHaveCount(0);

  const expired = await invite(admin, `late-${tag}@example.org`, "Editor");
  await db.invitation.updateMany({
    where: { email: `late-${tag}@example.org` },
    data: { expiresAt: new Date(Date.now() - 1000) },
  });
  await again.goto(expired);
  await expect(again.getByRole("alert").filter({ hasText: "has expired" })).toBeVisible();
  expect(await db.user.count({ where: { email: `late-${tag}@example.org` } })).toBe(0);
});

test("an editor sets up TOTP, signs in with a code, and a backup code works once", async ({
  page,
  db,
}) => {
  const editor = await createEditor(db, { role: "editor" });
  await signInAs(page, editor);
  await page.goto("/admin/account/two-factor");
  await page.getByLabel("Your password").fill(editor.password);
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  const backupCodes = await page
    .getByRole("list", { name: "Backup codes" })
    .getByRole("listitem")
    .allTextContents();
  expect(backupCodes.length).toBeGreaterThanOrEqual(8);
  await page.getByLabel("Code from the app").fill(totp(secret));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Two-factor sign-in is on." }),
  ).toBeVisible();

  const signOut = () => page.getByRole("button", { name: "Sign out", exact: true }).click();
  await signOut();
  await signIn(page, editor);
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await page
    .getByLabel("Code from your authenticator app")
    .fill("000000" === totp(secret) ? "111111" : "000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "did not match" })).toBeVisible();
  await page.getByLabel("Code from your authenticator app").fill(totp(secret));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Entries" })).toBeVisible();

  // A backup code, once.
  for (const attempt of ["first", "second"]) {
    await signOut();
    await signIn(page, editor);
    await page.getByRole("button", { name: "Use a backup code instead" }).click();
    await page.getByLabel("Backup code").fill(backupCodes[0]!);
    await page.getByRole("button", { name: "Verify" }).click();
    if (attempt === "first") {
      await expect(page.getByRole("heading", { level: 1, name: "Entries" })).toBeVisible();
    } else {
      await expect(
        page.getByRole("alert").filter({ hasText: "has been used already" }),
      ).toBeVisible();
      await expect(page).toHaveURL(/\/sign-in\/two-factor/);
    }
  }
});

test("an editor changes their password and the other browser's session ends", async ({
  page,
  browser,
  db,
}) => {
  const editor = await createEditor(db, { role: "editor" });
  const other = await newSignedIn(browser, editor);
  await signInAs(page, editor);
  await page.goto("/admin/account");
  await page.getByLabel("Current password").fill(editor.password);
  await page.getByLabel("New password (at least 12 characters)").fill(`${PASSWORD} 2`);
  await page.getByLabel("New password again").fill(`${PASSWORD} 2`);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();

  await other.goto("/admin/events");
  await expect(other).toHaveURL(/\/sign-in/);
  // This session stays; the new password signs in.
  await page.goto("/admin/events");
  await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
  await signIn(other, { ...editor, password: `${PASSWORD} 2` });
  await expect(other.getByRole("navigation", { name: "Admin" })).toBeVisible();
});

test("an editor ends another session from the sessions list", async ({ page, browser, db }) => {
  const editor = await createEditor(db, { role: "editor" });
  const laptop = await newSignedIn(browser, editor);
  await signInAs(page, editor);
  await page.goto("/admin/account");
  const rows = page.getByRole("table").first().getByRole("row");
  await expect(rows).toHaveCount(3); // the header, two sessions
  await expect(page.getByRole("row").filter({ hasText: "(this session)" })).toContainText(
    /Chrome on Linux|Chrome/,
  );
  await page.getByRole("button", { name: /^End session \d/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Session ended." })).toBeVisible();
  await expect(page.getByRole("table").first().getByRole("row")).toHaveCount(2);

  await laptop.goto("/admin/events");
  await expect(laptop).toHaveURL(/\/sign-in/);
});
