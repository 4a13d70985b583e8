import { createHash, randomBytes } from "node:crypto";

/**
 * Invitation links: a random token that only the link carries (the database keeps its
 * SHA-256), good once, for seven days. Pure: no I/O.
 */
export const INVITATION_DAYS = 7;

export function newInvitationToken(): string {
  return randomBytes(32).toString("base64url");
}

export function invitationTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function invitationExpiry(from: Date): Date {
  return new Date(from.getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
}

export function invitationPath(token: string): string {
  return `/sign-in/invitation/${token}`;
}

export type InvitationState = "pending" | "accepted" | "revoked" | "expired";

export function invitationState(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  return "pending";
}

/** Why a link cannot be used, as the invitee reads it. */
export function invitationRefusal(state: Exclude<InvitationState, "pending"> | "unknown"): string {
  switch (state) {
    case "accepted":
      return "This invitation has already been used. Sign in with the account it made, or ask an admin for a new invitation.";
    case "revoked":
      return "This invitation was withdrawn. Ask an admin for a new one.";
    case "expired":
      return `This invitation has expired (invitations last ${INVITATION_DAYS} days). Ask an admin for a new one.`;
    default:
      return "This invitation link is not valid. Check that you copied all of it, or ask an admin for a new one.";
  }
}
