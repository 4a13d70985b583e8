import type { Metadata } from "next";
import Link from "next/link";
import { SignOutForm } from "@/components/admin/sign-out-form";
import { UnsavedChangesGuard } from "@/components/admin/unsaved-changes-guard";
import { signOutAction } from "@/lib/actions/auth";
import { GenerationMemo } from "@/lib/cache/generation-memo";
import { countReviewQueue } from "@/lib/data/citation-review";
import { getDataGeneration } from "@/lib/data/generation";
import { roleCan } from "@/lib/auth/roles";
import { getEditor } from "@/lib/data/session";

export const metadata: Metadata = {
  title: { default: "Admin", template: "%s · Admin · Rollcall" },
  robots: { index: false, follow: false },
};

/** The review queue's length changes only with the data (lib/data/generation.ts). */
const reviewQueueLength = new GenerationMemo<number>(1);

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // Each page checks the session itself (and every action does too); this only shows who is in.
  const editor = await getEditor();
  const toReview = editor
    ? await reviewQueueLength.get(await getDataGeneration(), "", countReviewQueue)
    : 0;
  return (
    <div className="space-y-6">
      {editor && (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-slate-100 px-4 py-2 dark:bg-slate-900">
          <nav aria-label="Admin">
            <ul className="flex flex-wrap gap-4 text-sm font-medium">
              <li>
                <Link href="/admin">Entries</Link>
              </li>
              <li>
                <Link href="/admin/events">Events</Link>
              </li>
              <li>
                <Link href="/admin/leaders">Leaders</Link>
              </li>
              <li>
                <Link href="/admin/sources">Sources</Link>
              </li>
              {roleCan(editor.role, "account:manage") && (
                <li>
                  <Link href="/admin/accounts">Accounts</Link>
                </li>
              )}
              <li>
                <Link href="/admin/account">Your account</Link>
              </li>
              <li>
                <Link href="/admin/review">
                  Review{toReview > 0 ? ` (${toReview})` : ""}
                  {toReview > 0 && <span className="sr-only"> citations waiting</span>}
                </Link>
              </li>
            </ul>
          </nav>
          <SignOutForm action={signOutAction} editorName={editor.name} />
        </div>
      )}
      {editor && <UnsavedChangesGuard />}
      {children}
    </div>
  );
}
