import Link from "next/link";
import { pageRefusalMessage, type Permission, type Role } from "@/lib/auth/roles";

export type NotPermittedNoticeProps = {
  title: string;
  role: Role | null;
  permission: Permission;
  backHref: string;
};

/**
 * What a confirmation page (delete, merge, remove, restore) shows a role that may not do what
 * it confirms: why, and the way back. The form is not rendered; the write would refuse anyway.
 */
export function NotPermittedNotice({ title, role, permission, backHref }: NotPermittedNoticeProps) {
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
      <p role="note" className="rounded border border-slate-400 p-3">
        {pageRefusalMessage(role, permission)}
      </p>
      <p>
        <Link href={backHref}>Go back</Link>
      </p>
    </div>
  );
}
