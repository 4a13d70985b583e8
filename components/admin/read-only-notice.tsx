import Link from "next/link";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, roleCan, type Role } from "@/lib/auth/roles";

export type ReadOnlyNoticeProps = { role: Role | null };

/**
 * What a page shows, once, below its heading, to a role that may read it but not change what it
 * shows: the role, what it may do, and the way there. The page leaves out the forms and buttons
 * of the writes; a write sent anyway is refused by the data layer (lib/data/write.ts).
 */
export function ReadOnlyNotice({ role }: ReadOnlyNoticeProps) {
  return (
    <div role="note" className="space-y-1 rounded border border-slate-400 p-3">
      <p>
        Your account is {role ? `a ${ROLE_LABELS[role].toLowerCase()}` : "without a role"}
        {role ? ` (${ROLE_DESCRIPTIONS[role]})` : ""}, so this page is read-only for you.
      </p>
      {roleCan(role, "citation:review") && (
        <p>
          <Link href="/admin/review">Go to the review queue</Link>
        </p>
      )}
    </div>
  );
}
