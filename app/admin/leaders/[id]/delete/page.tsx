import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteForm } from "@/components/admin/delete-form";
import { NotPermittedNotice } from "@/components/admin/not-permitted-notice";
import { deleteLeaderAction } from "@/lib/actions/leaders";
import { roleCan } from "@/lib/auth/roles";
import { getLeaderForEdit } from "@/lib/data/leaders";
import { requireEditor } from "@/lib/data/session";
import { parseId } from "@/lib/validation/id";

export const metadata: Metadata = { title: "Delete leader" };

/** Asks before a leader is deleted, saying what goes with them (or what keeps them). */
export default async function DeleteLeaderPage({ params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  const editor = await requireEditor(`/admin/leaders/${raw}/delete`);
  const id = parseId(raw);
  const leader = id ? await getLeaderForEdit(id) : null;
  if (!leader) notFound();
  if (!roleCan(editor.role, "leader:edit")) {
    return (
      <NotPermittedNotice
        title={`Delete ${leader.name}`}
        role={editor.role}
        permission="leader:edit"
        backHref={`/admin/leaders/${leader.id}`}
      />
    );
  }
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">
        Delete {leader.name} ({leader.office}, {leader.polity})?
      </h1>
      {leader.entries.length > 0 ? (
        <p>
          {leader.name} cannot be deleted while entries use this leader.{" "}
          <Link href={`/admin/leaders/${leader.id}#delete-heading`}>See which</Link>.
        </p>
      ) : (
        <>
          <p>
            The leader’s record
            {leader.aliases.length > 0 ? `, with its ${leader.aliases.length} aliases,` : ""} will
            be removed and its public page will be gone. No entry uses it. The record of changes
            keeps that it was deleted.
          </p>
          <DeleteForm
            action={deleteLeaderAction.bind(null, leader.id)}
            version={leader.version}
            confirmLabel=""
            requireConfirm={false}
            submitLabel={`Delete ${leader.name}`}
          />
        </>
      )}
      <p>
        <Link href={`/admin/leaders/${leader.id}`}>Cancel and go back</Link>
      </p>
    </div>
  );
}
