import type { Metadata } from "next";
import { AttendanceForm } from "@/components/admin/attendance-form";
import { NotPermittedNotice } from "@/components/admin/not-permitted-notice";
import { createAttendanceAction } from "@/lib/actions/attendance";
import { roleCan } from "@/lib/auth/roles";
import { listEventOptions } from "@/lib/data/events";
import { listLeaderOptions } from "@/lib/data/leaders";
import { requireEditor } from "@/lib/data/session";
import { listSourceOptions } from "@/lib/data/sources-admin";
import { parseId } from "@/lib/validation/id";

export const metadata: Metadata = { title: "New entry" };

export default async function NewEntryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const editor = await requireEditor("/admin/entries/new");
  if (!roleCan(editor.role, "entry:edit")) {
    return (
      <NotPermittedNotice
        title="New entry"
        role={editor.role}
        permission="entry:edit"
        backHref="/admin"
      />
    );
  }
  const eventId = parseId((await searchParams).event);
  const [events, leaders, sources] = await Promise.all([
    // The event chosen by "Add a leader to this event", however old it is.
    listEventOptions({ include: eventId ?? undefined }),
    listLeaderOptions(),
    listSourceOptions(),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">New entry</h1>
      <AttendanceForm
        action={createAttendanceAction}
        // No event unless opened from an event's page ("Add a leader to this event"): an entry
        // saved under an event the editor did not choose is a wrong public fact.
        initial={{ eventId: eventId ?? "", leaderMode: "existing", citations: [{}] }}
        events={events}
        leaders={leaders}
        sources={sources}
        submitLabel="Create entry"
      />
    </div>
  );
}
