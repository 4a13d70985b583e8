import type { Metadata } from "next";
import { EventForm } from "@/components/admin/event-form";
import { createEventAction } from "@/lib/actions/events";
import { requireEditor } from "@/lib/data/session";

export const metadata: Metadata = { title: "New event" };

export default async function NewEventPage() {
  await requireEditor("/admin/events/new");
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
