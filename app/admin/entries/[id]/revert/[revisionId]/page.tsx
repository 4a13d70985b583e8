import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NotPermittedNotice } from "@/components/admin/not-permitted-notice";
import { RevertForm } from "@/components/admin/revert-form";
import { revertAttendanceAction } from "@/lib/actions/attendance";
import { roleCan } from "@/lib/auth/roles";
import { getRevertPreview } from "@/lib/data/revert-preview";
import { requireEditor } from "@/lib/data/session";
import { parseId } from "@/lib/validation/id";
import { ChangeTable } from "@/components/change-table";

export const metadata: Metadata = { title: "Restore a version" };

type Params = Promise<{ id: string; revisionId: string }>;

/** The confirmation a revert asks for: what restoring the version changes, then the button. */
export default async function RevertEntryPage({ params }: { params: Params }) {
  const raw = await params;
  const editor = await requireEditor(`/admin/entries/${raw.id}/revert/${raw.revisionId}`);
  const id = parseId(raw.id);
  const revisionId = parseId(raw.revisionId);
  const preview = id && revisionId ? await getRevertPreview(id, revisionId) : null;
  if (!preview) notFound();
  if (!roleCan(editor.role, "entry:edit")) {
    return (
      <NotPermittedNotice
        title={`Restore ${preview.leader} at the ${preview.event}`}
        role={editor.role}
        permission="entry:edit"
        backHref={`/attendance/${preview.attendanceId}`}
      />
    );
  }
  const when = `${preview.revision.createdAt.slice(0, 16).replace("T", " ")} UTC`;
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">
        Restore {preview.leader} at the {preview.event} to the version of {when}?
      </h1>
      <p>
        That version was saved by {preview.revision.actorName}. Restoring it changes the public
        pages at once; the change is recorded, and can itself be undone the same way.
      </p>
      {preview.changes.length === 0 ? (
        <p>The entry is the same as that version now: restoring it changes nothing.</p>
      ) : (
        <ChangeTable
          changes={preview.changes}
          caption="What will change"
          showCaption
          beforeLabel="Now"
          afterLabel="After restoring"
        />
      )}
      <RevertForm
        action={revertAttendanceAction.bind(null, preview.attendanceId)}
        version={preview.version}
        revisionId={preview.revision.id}
        label="Restore this version"
      />
      <p>
        <Link href={`/admin/entries/${preview.attendanceId}`}>Cancel and go back</Link>
      </p>
    </div>
  );
}
