import "server-only";
import { invitationRefusal, invitationTokenHash } from "@/lib/accounts/invitations";
import { recordAccountEvent } from "@/lib/auth/account-record";
import { accountCreateData } from "@/lib/auth/editors";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { getInvitationByTokenHash } from "./accounts";

export type AcceptResult = { ok: true; email: string } | { ok: false; message: string };

/**
 * Makes the account an invitation names, with the invitee's name and password, and uses the
 * invitation up. The link is the only credential here, so the password is hashed only once
 * the link has been found good; then one transaction takes the invitation (only if it is
 * still unused, unrevoked and unexpired: two tabs cannot both use it) and creates the account.
 */
export async function acceptInvitation(
  token: string,
  input: { name: string; password: string },
): Promise<AcceptResult> {
  const tokenHash = invitationTokenHash(token);
  const found = await getInvitationByTokenHash(tokenHash);
  if (!found) return { ok: false, message: invitationRefusal("unknown") };
  if (found.state !== "pending") return { ok: false, message: invitationRefusal(found.state) };
  const role = found.role;
  if (!role) return { ok: false, message: invitationRefusal("unknown") };

  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const now = new Date();
    const data = accountCreateData({ email: found.email, name: input.name, role, passwordHash });
    if (await tx.user.findUnique({ where: { email: found.email } })) {
      return {
        ok: false as const,
        message: `${found.email} already has an account: sign in with it, or ask an admin.`,
      };
    }
    const taken = await tx.invitation.updateMany({
      where: { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now, userId: data.id },
    });
    if (taken.count !== 1) {
      const again = await tx.invitation.findUnique({ where: { tokenHash } });
      return {
        ok: false as const,
        message: invitationRefusal(again?.acceptedAt ? "accepted" : again ? "revoked" : "unknown"),
      };
    }
    await tx.user.create({ data });
    await recordAccountEvent(tx, {
      kind: "joined",
      actor: { id: data.id, name: input.name },
      subject: { id: data.id, name: input.name, email: found.email },
      detail: `through an invitation, as ${role}`,
    });
    return { ok: true as const, email: found.email };
  });
}
