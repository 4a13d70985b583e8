import Link from "next/link";
import type { ReactNode } from "react";
import type { RevisionDTO } from "@/lib/data/history";
import type { RevisionLink } from "@/lib/data/revision-links";
import { ChangeTable } from "@/components/change-table";

export type RevisionListProps = {
  revisions: RevisionDTO[];
  /** Show what each change is about (on /changes; an entry's own page doesn't need it). */
  showSubject?: boolean;
  /** Extra controls per revision, e.g. a revert button for editors. */
  actions?: (revision: RevisionDTO) => ReactNode;
  /** Where each subject can be read, by revision id (with showSubject). */
  links?: Record<number, RevisionLink>;
};

const ACTION_LABELS: Record<string, string> = {
  create: "created",
  update: "changed",
  delete: "deleted",
  revert: "reverted",
};

const timeFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** Changes as on a wiki's history page: who, when, and each field's before → after. */
export function RevisionList({
  revisions,
  showSubject = false,
  actions,
  links,
}: RevisionListProps) {
  if (revisions.length === 0) return <p>No changes recorded.</p>;
  return (
    <ol className="space-y-4">
      {revisions.map((revision) => (
        <li
          key={revision.id}
          className="rounded-lg border border-slate-200 p-3 dark:border-slate-800"
        >
          <p className="text-sm">
            {showSubject && <Subject subject={revision.subject} link={links?.[revision.id]} />}
            {ACTION_LABELS[revision.action] ?? revision.action} by{" "}
            <span className="font-medium">{revision.actorName}</span>,{" "}
            <time dateTime={revision.createdAt}>
              {timeFormat.format(new Date(revision.createdAt))} UTC
            </time>
            {revision.summary && (
              <span className="text-slate-600 dark:text-slate-400"> · {revision.summary}</span>
            )}
          </p>
          {revision.changes.length > 0 && (
            <ChangeTable changes={revision.changes} caption="Fields changed" />
          )}
          {actions?.(revision)}
        </li>
      ))}
    </ol>
  );
}

function Subject({ subject, link }: { subject: string; link?: RevisionLink }) {
  if (!link) return <strong className="mr-1">{subject}</strong>;
  return (
    <strong className="mr-1">
      <Link href={link.href} className="text-blue-800 underline dark:text-blue-300">
        {subject}
      </Link>
      {link.deleted && <span className="font-normal"> (deleted; its history)</span>}
    </strong>
  );
}
