import Link from "next/link";
import { pageRefusalMessage, roleCan, type Permission, type Role } from "@/lib/auth/roles";

export type NotPermittedNoticeProps = {
  title: string;
  role: Role | null;
  permission: Permission;
  backHref: string;
};

/**
 * What a page that exists only for a write (a confirmation: delete, merge, remove, restore; or a
 * "New …" form) shows a role that may not make it: why, and the ways back. The form is not
 * rendered; the write would refuse anyway.
 */
export function NotPermittedNotice({ title, role, permission, backHref }: NotPermittedNoticeProps) {
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
      <p role="note" className="rounded border border-slate-400 p-3">
        {pageRefusalMessage(role, permission)}
      </p>
      <p className="flex flex-wrap gap-4">
        <Link href={backHref}>Go back</Link>
        {roleCan(role, "citation:review") && (
          <Link href="/admin/review">Go to the review queue</Link>
        )}
      </p>
    </div>
  );
}
