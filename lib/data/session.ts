import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getAuth } from "@/lib/auth/auth";
import { parseRole, type Role } from "@/lib/auth/roles";
import { noteSessionSeen, twoFactorRequired } from "./account-sessions";

declare const editorBrand: unique symbol;

/**
 * A signed-in editor. Only `getEditor` makes one, and every write in the data layer takes one,
 * so a write cannot be called without a session having been checked; the write checks `role`
 * (lib/data/write.ts `authorize`). `twoFactorMissing`: the site requires two-factor sign-in
 * and this account has not set it up, so it may only do that.
 */
export type Editor = {
  id: string;
  name: string;
  email: string;
  role: Role | null;
  twoFactorMissing: boolean;
  /** The session this request came with (the sessions list marks it). */
  sessionId?: string;
  readonly [editorBrand]: true;
};

/** The editor of the current request's session, or null. Checked once per request. */
export const getEditor = cache(async (): Promise<Editor | null> => {
  // Read the request first: it makes the page dynamic before anything needs the secret.
  const requestHeaders = await headers();
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  // The admin and two-factor plugins' fields (customSession's type leaves them out).
  const user = session.user as typeof session.user & {
    role?: string | null;
    banned?: boolean | null;
    twoFactorEnabled?: boolean | null;
  };
  // A disabled account has no sessions left; this refuses one made in a race with disabling.
  if (user.banned) return null;
  const { id: sessionId, updatedAt } = session.session;
  if (sessionId && updatedAt) await noteSessionSeen(sessionId, updatedAt);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: parseRole(user.role),
    twoFactorMissing: !user.twoFactorEnabled && (await twoFactorRequired()),
    sessionId,
  } as Editor;
});

/** For admin pages: the editor, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireEditor(returnTo: string): Promise<Editor> {
  const editor = await getEditor();
  if (!editor) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  // Required and not set up: the one thing this account may do is set it up.
  if (editor.twoFactorMissing && !returnTo.startsWith(TWO_FACTOR_SETUP_PATH)) {
    redirect(`${TWO_FACTOR_SETUP_PATH}?required=1`);
  }
  return editor;
}

export const TWO_FACTOR_SETUP_PATH = "/admin/account/two-factor";

export const SIGNED_OUT_MESSAGE = "Your session has ended. Sign in again; nothing was saved.";
