import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteForm } from "@/components/admin/delete-form";
import { NotPermittedNotice } from "@/components/admin/not-permitted-notice";
import { deleteAttendanceAction } from "@/lib/actions/attendance";
import { roleCan } from "@/lib/auth/roles";
import { getAttendance } from "@/lib/data/attendance";
import { requireEditor } from "@/lib/data/session";
import { parseId } from "@/lib/validation/id";

export const metadata: Metadata = { title: "Delete entry" };

export default async function DeleteEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  const editor = await requireEditor(`/admin/entries/${raw}/delete`);
  const id = parseId(raw);
  const entry = id ? await getAttendance(id) : null;
  if (!entry) notFound();
  if (!roleCan(editor.role, "entry:edit")) {
    return (
      <NotPermittedNotice
        title={`Delete ${entry.leader.name} from the ${entry.event.name}`}
        role={editor.role}
        permission="entry:edit"
        backHref={`/attendance/${entry.id}`}
      />
    );
  }
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">
        Delete {entry.leader.name} from the {entry.event.name}?
      </h1>
      <p>
        The entry and its {entry.citations.length}{" "}
        {entry.citations.length === 1 ? "citation" : "citations"} will be removed from the public
        list. Its history stays readable in the record of changes.
      </p>
      <DeleteForm
        action={deleteAttendanceAction.bind(null, entry.id)}
        version={entry.version}
        confirmLabel={`Yes, delete the entry for ${entry.leader.name}`}
        submitLabel="Delete entry"
      />
      <p>
        <Link href={`/admin/entries/${entry.id}`}>Cancel and go back</Link>
      </p>
    </div>
  );
}
