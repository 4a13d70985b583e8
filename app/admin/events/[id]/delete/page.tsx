import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteForm } from "@/components/admin/delete-form";
import { NotPermittedNotice } from "@/components/admin/not-permitted-notice";
import { deleteEventAction } from "@/lib/actions/events";
import { getEventForEdit } from "@/lib/data/events-admin";
import { roleCan } from "@/lib/auth/roles";
import { requireEditor } from "@/lib/data/session";
import { parseId } from "@/lib/validation/id";

export const metadata: Metadata = { title: "Delete event" };

/** Asks before an event is deleted, saying what goes with it (or which entries keep it). */
export default async function DeleteEventPage({ params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  const editor = await requireEditor(`/admin/events/${raw}/delete`);
  const id = parseId(raw);
  const event = id ? await getEventForEdit(id) : null;
  if (!event) notFound();
  if (!roleCan(editor.role, "event:delete")) {
    return (
      <NotPermittedNotice
        title={`Delete ${event.name}`}
        role={editor.role}
        permission="event:delete"
        backHref={`/admin/events/${event.id}`}
      />
    );
  }
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Delete {event.name}?</h1>
      {event.entryCount > 0 ? (
        <p>
          {event.name} cannot be deleted while it has entries ({event.entryCount}).{" "}
          <Link href={`/admin/events/${event.id}#delete-heading`}>See which</Link>.
        </p>
      ) : (
        <>
          <p>
            The event will be removed: its page (<code>/events/{event.slug}</code>), its CSV and API
            and every former address of it will answer “not found”. It has no entries. The record of
            changes keeps that it was deleted.
          </p>
          <DeleteForm
            action={deleteEventAction.bind(null, event.id)}
            version={event.version}
            confirmLabel=""
            requireConfirm={false}
            submitLabel={`Delete ${event.name}`}
          />
        </>
      )}
      <p>
        <Link href={`/admin/events/${event.id}`}>Cancel and go back</Link>
      </p>
    </div>
  );
}
