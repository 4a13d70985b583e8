import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getAuth } from "@/lib/auth/auth";

declare const editorBrand: unique symbol;

/**
 * A signed-in editor. Only `getEditor` makes one, and every write in the data layer takes one,
 * so a write cannot be called without a session having been checked.
 */
export type Editor = { id: string; name: string; email: string; readonly [editorBrand]: true };

/** The editor of the current request's session, or null. Checked once per request. */
export const getEditor = cache(async (): Promise<Editor | null> => {
  // Read the request first: it makes the page dynamic before anything needs the secret.
  const requestHeaders = await headers();
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  return { id: session.user.id, name: session.user.name, email: session.user.email } as Editor;
});

/** For admin pages: the editor, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireEditor(returnTo: string): Promise<Editor> {
  const editor = await getEditor();
  if (!editor) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return editor;
}

export const SIGNED_OUT_MESSAGE = "Your session has ended. Sign in again; nothing was saved.";
