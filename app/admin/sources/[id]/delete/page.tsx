import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteForm } from "@/components/admin/delete-form";
import { NotPermittedNotice } from "@/components/admin/not-permitted-notice";
import { deleteSourceAction } from "@/lib/actions/sources";
import { roleCan } from "@/lib/auth/roles";
import { requireEditor } from "@/lib/data/session";
import { listEntriesCitingSource } from "@/lib/data/source-delete";
import { getSourceForEdit } from "@/lib/data/sources-admin";
import { parseId } from "@/lib/validation/id";

export const metadata: Metadata = { title: "Delete source" };

/** Asks before a source is deleted, saying what goes with it (or what keeps it). */
export default async function DeleteSourcePage({ params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  const editor = await requireEditor(`/admin/sources/${raw}/delete`);
  const id = parseId(raw);
  const source = id ? await getSourceForEdit(id) : null;
  if (!source) notFound();
  if (!roleCan(editor.role, "source:delete")) {
    return (
      <NotPermittedNotice
        title={`Delete the source “${source.title}”`}
        role={editor.role}
        permission="source:delete"
        backHref={`/admin/sources/${source.id}`}
      />
    );
  }
  const citing = await listEntriesCitingSource(source.id);
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Delete the source “{source.title}”?</h1>
      {citing.length > 0 ? (
        <p>
          This source cannot be deleted while{" "}
          {citing.length === 1 ? "an entry cites" : "entries cite"} it.{" "}
          <Link href={`/admin/sources/${source.id}#delete-heading`}>See which</Link>.
        </p>
      ) : (
        <>
          <p>
            The source ({source.publisher}, {source.url}), its text and every saved version of the
            text will be removed; its public page will be gone. No entry cites it. The record of
            changes keeps that it was deleted.
          </p>
          <DeleteForm
            action={deleteSourceAction.bind(null, source.id)}
            version={source.version}
            confirmLabel=""
            requireConfirm={false}
            submitLabel="Delete source"
          />
        </>
      )}
      <p>
        <Link href={`/admin/sources/${source.id}`}>Cancel and go back</Link>
      </p>
    </div>
  );
}
