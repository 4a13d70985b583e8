import "server-only";
import {
  invitationExpiry,
  invitationPath,
  invitationTokenHash,
  newInvitationToken,
} from "@/lib/accounts/invitations";
import { recordAccountEvent } from "@/lib/auth/account-record";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import type { Editor } from "./session";
import { Abort, inTransaction, invalid, notFound, type Tx, type WriteResult } from "./write";

/** An admin's writes on accounts: each checks `account:manage` and is recorded. */

const actor = (editor: Editor) => ({ id: editor.id, name: editor.name });

/** Invites `email` to join as `role`: the link (its token is shown once, never stored). */
export async function inviteAccount(
  editor: Editor,
  input: { email: string; role: Role },
): Promise<WriteResult<{ path: string; email: string; expiresAt: Date }>> {
  const token = newInvitationToken();
  return inTransaction(editor, "account:manage", async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email } })) {
      return invalid({ email: [`${input.email} already has an account.`] });
    }
    const now = new Date();
    const invitation = await tx.invitation.create({
      data: {
        email: input.email,
        role: input.role,
        tokenHash: invitationTokenHash(token),
        invitedById: editor.id,
        invitedBy: editor.name,
        createdAt: now,
        expiresAt: invitationExpiry(now),
      },
    });
    await recordAccountEvent(tx, {
      kind: "invited",
      actor: actor(editor),
      subject: { id: null, name: input.email },
      detail: `as ${input.role}`,
    });
    return {
      ok: true,
      path: invitationPath(token),
      email: invitation.email,
      expiresAt: invitation.expiresAt,
    };
  });
}

export async function revokeInvitation(
  editor: Editor,
  id: number,
): Promise<WriteResult<{ email: string }>> {
  return inTransaction(editor, "account:manage", async (tx) => {
    const revoked = await tx.invitation.updateMany({
      where: { id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const invitation = await tx.invitation.findUnique({ where: { id } });
    if (!invitation) return notFound("This invitation no longer exists.");
    if (revoked.count === 0) {
      return invalid({}, "This invitation was already used or withdrawn.");
    }
    await recordAccountEvent(tx, {
      kind: "invitation-revoked",
      actor: actor(editor),
      subject: { id: null, name: invitation.email },
    });
    return { ok: true, email: invitation.email };
  });
}

/**
 * Refuses, inside the transaction, a change that would leave no enabled admin: the last admin
 * can be neither demoted nor disabled, so someone can always manage the accounts.
 */
async function keepAnAdmin(tx: Tx, userId: string, what: string) {
  const others = await tx.user.count({
    where: { role: "admin", NOT: [{ id: userId }, { banned: true }] },
  });
  if (others === 0) {
    throw new Abort(
      invalid(
        {},
        `This is the last admin account, so it cannot be ${what}: make another account an admin first.`,
      ),
    );
  }
}

async function accountForChange(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw new Abort(notFound("This account no longer exists."));
  return user;
}

export async function setAccountRole(
  editor: Editor,
  userId: string,
  role: Role,
): Promise<WriteResult<{ name: string }>> {
  return inTransaction(editor, "account:manage", async (tx) => {
    const user = await accountForChange(tx, userId);
    if (user.role === role) return { ok: true, name: user.name };
    if (user.role === "admin" && !user.banned) await keepAnAdmin(tx, userId, "demoted");
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAccountEvent(tx, {
      kind: "role-changed",
      actor: actor(editor),
      subject: user,
      detail: `${user.role} → ${role}`,
    });
    return { ok: true, name: user.name };
  });
}

/**
 * Disables an account (the admin plugin's `banned`: no new session can open) and ends its
 * sessions in the same transaction, so its open pages are refused at their next request; or
 * enables it again.
 */
export async function setAccountDisabled(
  editor: Editor,
  userId: string,
  disabled: boolean,
): Promise<WriteResult<{ name: string }>> {
  return inTransaction(editor, "account:manage", async (tx) => {
    const user = await accountForChange(tx, userId);
    if (Boolean(user.banned) === disabled) return { ok: true, name: user.name };
    if (disabled && user.role === "admin") await keepAnAdmin(tx, userId, "disabled");
    await tx.user.update({
      where: { id: userId },
      data: disabled
        ? { banned: true, banReason: `Disabled by ${editor.name}` }
        : { banned: false, banReason: null, banExpires: null },
    });
    if (disabled) await tx.session.deleteMany({ where: { userId } });
    await recordAccountEvent(tx, {
      kind: disabled ? "disabled" : "enabled",
      actor: actor(editor),
      subject: user,
      detail: disabled ? "its sessions ended" : "",
    });
    return { ok: true, name: user.name };
  });
}

export async function setTwoFactorRequired(
  editor: Editor,
  required: boolean,
): Promise<WriteResult<object>> {
  return inTransaction(editor, "account:manage", async (tx) => {
    await tx.accountPolicy.upsert({
      where: { id: 1 },
      create: { id: 1, requireTwoFactor: required },
      update: { requireTwoFactor: required },
    });
    await recordAccountEvent(tx, {
      kind: "two-factor-required",
      actor: actor(editor),
      subject: { id: null, name: "Every account" },
      detail: required ? "required" : "no longer required",
    });
    return { ok: true };
  });
}

export const roleLabel = (role: Role | null) => (role ? ROLE_LABELS[role] : "No role");
