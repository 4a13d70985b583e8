import "server-only";
import { invitationState, type InvitationState } from "@/lib/accounts/invitations";
import { parseRole, type Role } from "@/lib/auth/roles";
import { db } from "@/lib/db";

/** Reads of the accounts pages (admins only: the pages check `account:manage`). */

export type AccountDTO = {
  id: string;
  name: string;
  email: string;
  role: Role | null;
  disabled: boolean;
  twoFactor: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
};

export async function listAccounts(): Promise<AccountDTO[]> {
  const users = await db.user.findMany({ orderBy: [{ name: "asc" }, { email: "asc" }] });
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: parseRole(u.role),
    disabled: Boolean(u.banned),
    twoFactor: Boolean(u.twoFactorEnabled),
    lastSignInAt: u.lastSignInAt,
    createdAt: u.createdAt,
  }));
}

export type InvitationDTO = {
  id: number;
  email: string;
  role: Role | null;
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
  state: InvitationState;
};

/** Invitations not yet used, and the latest used or ended ones. */
export async function listInvitations(take = 50): Promise<InvitationDTO[]> {
  const rows = await db.invitation.findMany({ orderBy: { id: "desc" }, take });
  const now = new Date();
  return rows.map((i) => ({
    id: i.id,
    email: i.email,
    role: parseRole(i.role),
    invitedBy: i.invitedBy,
    createdAt: i.createdAt,
    expiresAt: i.expiresAt,
    state: invitationState(i, now),
  }));
}

export type AccountEventDTO = {
  id: number;
  kind: string;
  actorName: string;
  subjectName: string;
  detail: string;
  createdAt: Date;
};

export async function listAccountEvents(take = 200): Promise<AccountEventDTO[]> {
  const rows = await db.accountEvent.findMany({ orderBy: { id: "desc" }, take });
  return rows.map((e) => ({
    id: e.id,
    kind: e.kind,
    actorName: e.actorName,
    subjectName: e.subjectName,
    detail: e.detail,
    createdAt: e.createdAt,
  }));
}

/** An invitation by its link's token, for the page that accepts it. */
export async function getInvitationByTokenHash(tokenHash: string) {
  const row = await db.invitation.findUnique({ where: { tokenHash } });
  if (!row) return null;
  return {
    email: row.email,
    role: parseRole(row.role),
    state: invitationState(row, new Date()),
  };
}
