import type { Metadata } from "next";
import { EventForm } from "@/components/admin/event-form";
import { NotPermittedNotice } from "@/components/admin/not-permitted-notice";
import { createEventAction } from "@/lib/actions/events";
import { roleCan } from "@/lib/auth/roles";
import { requireEditor } from "@/lib/data/session";

export const metadata: Metadata = { title: "New event" };

export default async function NewEventPage() {
  const editor = await requireEditor("/admin/events/new");
  if (!roleCan(editor.role, "event:edit")) {
    return (
      <NotPermittedNotice
        title="New event"
        role={editor.role}
        permission="event:edit"
        backHref="/admin/events"
      />
    );
  }
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">New event</h1>
      <EventForm
        action={createEventAction}
        initial={{ name: "", date: "", place: "", occasion: "", slug: "" }}
        submitLabel="Create event"
      />
    </div>
  );
}
