import Link from "next/link";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, type Role } from "@/lib/auth/roles";

export type ReadOnlyNoticeProps = { title: string; publicHref: string; role: Role | null };

/** What an editing page shows a role that may not edit there: why, and where to go. */
export function ReadOnlyNotice({ title, publicHref, role }: ReadOnlyNoticeProps) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
      <p role="note" className="rounded border border-slate-400 p-3">
        Your account is a {role ? ROLE_LABELS[role].toLowerCase() : "account without a role"}
        {role ? ` (${ROLE_DESCRIPTIONS[role]})` : ""}, so this page is read-only for you.
      </p>
      <p className="flex gap-4">
        <Link href={publicHref}>View public page</Link>
        <Link href="/admin/review">Go to the review queue</Link>
      </p>
    </div>
  );
}
