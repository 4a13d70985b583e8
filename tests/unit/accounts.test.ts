import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  invitationExpiry,
  invitationRefusal,
  invitationState,
  invitationTokenHash,
} from "@/lib/accounts/invitations";
import { createAccount } from "../factories";
import { ROLES, roleCan, type Permission } from "@/lib/auth/roles";
import type { Editor } from "@/lib/data/session";
import { createTestDatabase } from "./helpers/test-db";

let t: Awaited<ReturnType<typeof createTestDatabase>>;
let admin: Editor;
let accounts: typeof import("@/lib/data/accounts-admin");
let accept: typeof import("@/lib/data/invitation-accept");
let write: typeof import("@/lib/data/write");
let sourceDelete: typeof import("@/lib/data/source-delete");

const asEditor = (e: { id: string; name: string; email: string; role: string }) =>
  ({ ...e, twoFactorMissing: false }) as unknown as Editor;

beforeAll(async () => {
  t = await createTestDatabase();
  // The first account, made with no role asked for, is an admin.
  admin = asEditor(
    await createAccount(t.db, {
      email: "a@example.org",
      name: "A. Dmin",
      password: "a-long-password",
    }),
  );
  accounts = await import("@/lib/data/accounts-admin");
  accept = await import("@/lib/data/invitation-accept");
  write = await import("@/lib/data/write");
  sourceDelete = await import("@/lib/data/source-delete");
}, 120_000);

afterAll(async () => {
  await t?.cleanup();
});

describe("roles", () => {
  it("the first account is an admin, later ones editors unless a role is asked for", async () => {
    expect(admin.role).toBe("admin");
    const later = await createAccount(t.db, {
      email: "later@example.org",
      name: "Later",
      password: "a-long-password",
    });
    expect(later.role).toBe("editor");
  });

  it("grants each role what the table of roles says (docs/accounts.md), and nothing to an unknown role", () => {
    const table = (p: Permission) => ROLES.filter((r) => roleCan(r, p));
    expect(table("account:manage")).toEqual(["admin"]);
    expect(table("source:delete")).toEqual(["admin"]);
    expect(table("event:delete")).toEqual(["admin"]);
    expect(table("leader:merge")).toEqual(["admin"]);
    expect(table("entry:edit")).toEqual(["admin", "editor"]);
    expect(table("source:edit")).toEqual(["admin", "editor"]);
    expect(table("citation:review")).toEqual(["admin", "editor", "reviewer"]);
    expect(table("account:own")).toEqual(["admin", "editor", "reviewer"]);
    expect(roleCan(null, "citation:review")).toBe(false);
    expect(roleCan("owner" as never, "citation:review")).toBe(false);
  });

  it("a write refuses a role without its permission, with a message, and writes nothing", async () => {
    const source = await t.db.source.create({
      data: { title: "Uncited", publisher: "Wire", url: "https://example.org/x", text: "Text." },
    });
    const editor = asEditor({ ...admin, id: "x", role: "editor" });
    const refused = await sourceDelete.deleteSource(editor, source.id, source.version);
    expect(refused).toMatchObject({ ok: false, kind: "forbidden" });
    expect(!refused.ok && refused.message).toMatch(/cannot delete sources: editors may not/);
    expect(await t.db.source.findUnique({ where: { id: source.id } })).not.toBeNull();

    const done = await sourceDelete.deleteSource(admin, source.id, source.version);
    expect(done.ok).toBe(true);
  });

  it("an account that must set up two-factor sign-in may change only its own account", () => {
    const pending = { ...admin, twoFactorMissing: true } as Editor;
    expect(write.authorize(pending, "entry:edit")).toMatchObject({ kind: "forbidden" });
    expect(write.authorize(pending, "account:own")).toBeNull();
    expect(write.authorize(admin, "account:manage")).toBeNull();
  });
});

describe("invitations", () => {
  it("expire after seven days and end when used or revoked", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const expiresAt = invitationExpiry(now);
    expect(expiresAt.toISOString()).toBe("2026-01-08T00:00:00.000Z");
    const pending = { acceptedAt: null, revokedAt: null, expiresAt };
    expect(invitationState(pending, now)).toBe("pending");
    expect(invitationState(pending, expiresAt)).toBe("expired");
    expect(invitationState({ ...pending, acceptedAt: now }, now)).toBe("accepted");
    expect(invitationState({ ...pending, revokedAt: now }, now)).toBe("revoked");
  });

  it("a link makes one account with the invited role, once", async () => {
    const invited = await accounts.inviteAccount(admin, {
      email: "new@example.org",
      role: "reviewer",
    });
    if (!invited.ok) throw new Error(invited.message);
    const token = invited.path.split("/").pop()!;
    // Only the hash is stored.
    expect(await t.db.invitation.count({ where: { tokenHash: token } })).toBe(0);
    expect(await t.db.invitation.count({ where: { tokenHash: invitationTokenHash(token) } })).toBe(
      1,
    );

    const first = await accept.acceptInvitation(token, {
      name: "New",
      password: "a-long-password",
    });
    expect(first).toEqual({ ok: true, email: "new@example.org" });
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "new@example.org" } });
    expect(user.role).toBe("reviewer");

    const second = await accept.acceptInvitation(token, {
      name: "Again",
      password: "a-long-password",
    });
    expect(second).toEqual({ ok: false, message: invitationRefusal("accepted") });
    expect(await t.db.user.count({ where: { email: "new@example.org" } })).toBe(1);
  });

  it("refuses an expired, revoked or unknown link", async () => {
    const late = await accounts.inviteAccount(admin, { email: "late@example.org", role: "editor" });
    const gone = await accounts.inviteAccount(admin, { email: "gone@example.org", role: "editor" });
    if (!late.ok || !gone.ok) throw new Error("invite failed");
    await t.db.invitation.updateMany({
      where: { email: "late@example.org" },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    const goneRow = await t.db.invitation.findFirstOrThrow({
      where: { email: "gone@example.org" },
    });
    expect((await accounts.revokeInvitation(admin, goneRow.id)).ok).toBe(true);

    const input = { name: "X", password: "a-long-password" };
    const token = (path: string) => path.split("/").pop()!;
    expect(await accept.acceptInvitation(token(late.path), input)).toEqual({
      ok: false,
      message: invitationRefusal("expired"),
    });
    expect(await accept.acceptInvitation(token(gone.path), input)).toEqual({
      ok: false,
      message: invitationRefusal("revoked"),
    });
    expect(await accept.acceptInvitation("not-a-token", input)).toEqual({
      ok: false,
      message: invitationRefusal("unknown"),
    });
    expect(
      await t.db.user.count({ where: { email: { in: ["late@example.org", "gone@example.org"] } } }),
    ).toBe(0);
  });

  it("an editor cannot invite", async () => {
    const editor = asEditor({ ...admin, role: "editor" });
    const refused = await accounts.inviteAccount(editor, { email: "z@example.org", role: "admin" });
    expect(refused).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await t.db.invitation.count({ where: { email: "z@example.org" } })).toBe(0);
  });
});

describe("managing accounts", () => {
  it("the last admin can be neither demoted nor disabled", async () => {
    const demote = await accounts.setAccountRole(admin, admin.id, "editor");
    expect(demote).toMatchObject({ ok: false });
    expect(!demote.ok && demote.message).toMatch(/last admin/);
    const disable = await accounts.setAccountDisabled(admin, admin.id, true);
    expect(!disable.ok && disable.message).toMatch(/last admin/);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
  });

  it("disabling ends the account's sessions at once; each change is recorded", async () => {
    const other = await createAccount(t.db, {
      email: "other@example.org",
      name: "Other",
      password: "a-long-password",
      role: "admin",
    });
    await t.db.session.create({
      data: { id: "s1", token: "t1", userId: other.id, expiresAt: new Date(Date.now() + 1e6) },
    });
    expect((await accounts.setAccountDisabled(admin, other.id, true)).ok).toBe(true);
    expect(await t.db.session.count({ where: { userId: other.id } })).toBe(0);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: other.id } })).banned).toBe(true);
    // A disabled admin does not count: the only enabled one is still the last.
    expect((await accounts.setAccountRole(admin, admin.id, "editor")).ok).toBe(false);
    expect((await accounts.setAccountDisabled(admin, other.id, false)).ok).toBe(true);
    expect((await accounts.setAccountRole(admin, admin.id, "editor")).ok).toBe(true);

    const kinds = (await t.db.accountEvent.findMany({ orderBy: { id: "asc" } })).map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        "invited",
        "joined",
        "invitation-revoked",
        "disabled",
        "enabled",
        "role-changed",
      ]),
    );
    const change = await t.db.accountEvent.findFirstOrThrow({ where: { kind: "role-changed" } });
    expect(change).toMatchObject({ actorName: "A. Dmin", detail: "admin → editor" });
  });
});
