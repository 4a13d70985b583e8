import "server-only";
import { db } from "@/lib/db";
import { recordAccountEvent } from "@/lib/auth/account-record";
import type { Editor } from "./session";
import { inTransaction, notFound, type WriteResult } from "./write";

/**
 * An editor's own passkeys. Better Auth's passkey plugin makes them (lib/actions/passkeys.ts
 * runs its ceremony); listing and removing are here, so a removal and its record are one
 * transaction and go through the same check as every own-account change (`account:own`).
 */

export type PasskeyRow = {
  id: string;
  name: string;
  createdAt: Date | null;
  lastUsedAt: Date | null;
};

/** The name a passkey goes by when it was given none (the plugin allows that). */
export const UNNAMED_PASSKEY = "Unnamed passkey";

export async function listOwnPasskeys(editor: Editor): Promise<PasskeyRow[]> {
  const rows = await db.passkey.findMany({
    where: { userId: editor.id },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({ ...r, name: r.name || UNNAMED_PASSKEY }));
}

/** Removes one of the editor's own passkeys: it no longer signs in, whatever device holds it. */
export async function deleteOwnPasskey(
  editor: Editor,
  passkeyId: string,
): Promise<WriteResult<{ name: string }>> {
  return inTransaction(editor, "account:own", async (tx) => {
    const passkey = await tx.passkey.findFirst({
      where: { id: passkeyId, userId: editor.id },
      select: { name: true },
    });
    if (!passkey) return notFound("This passkey has already been removed.");
    await tx.passkey.delete({ where: { id: passkeyId } });
    const name = passkey.name || UNNAMED_PASSKEY;
    await recordAccountEvent(tx, {
      kind: "passkey-removed",
      actor: { id: editor.id, name: editor.name },
      subject: { id: editor.id, name: editor.name, email: editor.email },
      detail: name,
    });
    return { ok: true, name };
  });
}

/**
 * Removes the challenges (Better Auth's verification values: passkey ceremonies, two-factor
 * sign-ins) that have expired: they can no longer be used, and anyone may ask for a passkey
 * sign-in's.
 */
export async function pruneExpiredChallenges(): Promise<void> {
  await db.verification.deleteMany({ where: { expiresAt: { lt: new Date() } } });
}
