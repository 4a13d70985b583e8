import { expect, test } from "@playwright/test";
import { openDatabase } from "./db";
import { editors } from "./paths";
import { AppServer } from "./server";

/**
 * The last admin cannot demote (or disable) themselves, in Chromium. Here rather than in the
 * end-to-end suite, whose one database holds an admin for every test that needs one: this
 * spec's server has a database of its own, where one admin is left.
 */
let server: AppServer;

test.beforeAll(async () => {
  server = await AppServer.start("accounts");
  const { emails } = editors();
  const db = openDatabase(server.dbFile);
  try {
    db.prepare(`UPDATE "user" SET "role" = 'editor' WHERE "role" = 'admin' AND "email" <> ?`).run(
      emails[0],
    );
  } finally {
    db.close();
  }
});
test.afterAll(async () => {
  await server?.stop();
});

test("the last admin cannot demote or disable themselves", async ({ page }) => {
  const { emails, password } = editors();
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel("Email address").fill(emails[0]!);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Admin" })).toBeVisible();

  await page.goto(`${server.url}/admin/accounts`);
  const own = page.getByRole("row").filter({ hasText: emails[0]! });
  await own.getByLabel(/^Role of/).selectOption({ label: "Editor" });
  await own.getByRole("button", { name: "Change role" }).click();
  await expect(own.getByRole("alert")).toContainText("This is the last admin account");
  await own.getByRole("button", { name: /^Disable / }).click();
  await expect(own.getByRole("alert").last()).toContainText("cannot be disabled");

  const db = openDatabase(server.dbFile, { readonly: true });
  try {
    const row = db
      .prepare(`SELECT "role", "banned" FROM "user" WHERE "email" = ?`)
      .get(emails[0]) as { role: string; banned: number };
    expect(row).toEqual({ role: "admin", banned: 0 });
  } finally {
    db.close();
  }
  // Still an admin: the accounts page still opens.
  await page.goto(`${server.url}/admin/accounts`);
  await expect(page.getByRole("heading", { level: 1, name: "Accounts" })).toBeVisible();
});
