import type { Page } from "@playwright/test";
import { createEditor } from "../factories";
import { expect, signIn, test, type TestEditor } from "../fixtures";

/**
 * Passkeys (docs/accounts.md, "Passkeys"), with Chromium's virtual authenticator standing in for a
 * device: it holds discoverable credentials and verifies its user, as a phone or a laptop's
 * fingerprint reader does. WebAuthn needs a host name, so the suite's address is localhost
 * (playwright.config.ts).
 */

async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
  return { cdp, authenticatorId };
}

async function signInAs(page: Page, editor: TestEditor) {
  await signIn(page, editor);
  await expect(page.getByText(`Signed in as ${editor.name}`)).toBeVisible();
}

async function addPasskey(page: Page, editor: TestEditor, name: string) {
  await page.goto("/admin/account");
  await page.getByLabel("Name of the passkey").fill(name);
  await page.getByLabel("Your password", { exact: true }).fill(editor.password);
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText("Passkey added. You can sign in with it now.")).toBeVisible();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByText("You are signed out.")).toBeVisible();
}

async function usePasskey(page: Page) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Use a passkey" }).click();
}

test("an editor adds a passkey, signs in with it, removes it, and it no longer signs in", async ({
  page,
  db,
}) => {
  const editor = await createEditor(db, { role: "editor" });
  const { cdp, authenticatorId } = await addVirtualAuthenticator(page);
  await signInAs(page, editor);

  // A wrong password adds nothing, and the device is not asked.
  await page.goto("/admin/account");
  await page.getByLabel("Name of the passkey").fill("Work laptop");
  await page.getByLabel("Your password", { exact: true }).fill(`${editor.password}-not`);
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "That is not your password. No passkey was added." }),
  ).toBeVisible();
  expect((await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials).toEqual([]);

  await addPasskey(page, editor, "Work laptop");
  const row = page.getByRole("row").filter({ hasText: "Work laptop" });
  await expect(row).toContainText("never");
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0]!.isResidentCredential).toBe(true);
  const stored = await db.passkey.findMany({ where: { user: { email: editor.email } } });
  expect(stored.map((p) => p.name)).toEqual(["Work laptop"]);

  // Signed out, the passkey alone signs in: no email address, no password.
  await signOut(page);
  await usePasskey(page);
  await expect(page.getByText(`Signed in as ${editor.name}`)).toBeVisible();
  await page.goto("/admin/account");
  // Last used: a time now, where it said "never".
  await expect(row).not.toContainText("never");

  await row.getByRole("button", { name: "Remove passkey Work laptop" }).click();
  await expect(page.getByText("Passkey removed. It no longer signs in.")).toBeVisible();
  await expect(page.getByText("You have no passkeys.")).toBeVisible();
  expect(await db.passkey.count({ where: { user: { email: editor.email } } })).toBe(0);

  // The device still holds the credential, but the site no longer takes it.
  await signOut(page);
  await usePasskey(page);
  await expect(
    page.getByRole("alert").filter({ hasText: "This passkey is not one of this site's" }),
  ).toBeVisible();
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in/);

  // Both changes are in the record of account changes.
  const events = await db.accountEvent.findMany({
    where: { subjectName: { contains: editor.email }, kind: { startsWith: "passkey-" } },
    orderBy: { id: "asc" },
    select: { kind: true, detail: true },
  });
  expect(events).toEqual([
    { kind: "passkey-added", detail: "Work laptop" },
    { kind: "passkey-removed", detail: "Work laptop" },
  ]);
});

test("a disabled account cannot sign in with its passkey", async ({ page, db }) => {
  const editor = await createEditor(db, { role: "reviewer" });
  await addVirtualAuthenticator(page);
  await signInAs(page, editor);
  await addPasskey(page, editor, "Phone");
  await signOut(page);

  await db.user.update({ where: { email: editor.email }, data: { banned: true } });
  await usePasskey(page);
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: "This account is disabled. Ask an admin of this site to enable it." }),
  ).toBeVisible();
  expect(await db.session.count({ where: { user: { email: editor.email } } })).toBe(0);
});
