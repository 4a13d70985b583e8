import "server-only";
import { db } from "@/lib/db";
import { recordAccountEvent, type AccountEventKind } from "@/lib/auth/account-record";
import type { Editor } from "./session";
import { inTransaction, notFound, type WriteResult } from "./write";

/** What an editor does to their own account (every role may: `account:own`). */

/** Ends one of the editor's own sessions (another device, a lost laptop). */
export async function endAccountSession(
  editor: Editor,
  sessionId: string,
): Promise<WriteResult<object>> {
  return inTransaction(editor, "account:own", async (tx) => {
    const ended = await tx.session.deleteMany({ where: { id: sessionId, userId: editor.id } });
    if (ended.count === 0) return notFound("This session has already ended.");
    return { ok: true };
  });
}

/** Records a change Better Auth made to the editor's own account (password, two-factor, passkey). */
export async function recordOwnAccountChange(
  editor: Editor,
  kind: Extract<
    AccountEventKind,
    "password-changed" | "two-factor-on" | "two-factor-off" | "passkey-added"
  >,
  detail = "",
): Promise<WriteResult<object>> {
  return inTransaction(editor, "account:own", async (tx) => {
    await recordAccountEvent(tx, {
      kind,
      actor: { id: editor.id, name: editor.name },
      subject: { id: editor.id, name: editor.name, email: editor.email },
      detail,
    });
    return { ok: true };
  });
}

/** The editor's own account as the account pages show it. */
export async function getOwnAccount(editor: Editor) {
  const user = await db.user.findUnique({
    where: { id: editor.id },
    select: { twoFactorEnabled: true, lastSignInAt: true },
  });
  return { twoFactor: Boolean(user?.twoFactorEnabled), lastSignInAt: user?.lastSignInAt ?? null };
}
