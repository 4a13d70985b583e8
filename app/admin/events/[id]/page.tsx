import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DangerLink } from "@/components/admin/danger-link";
import { EventForm } from "@/components/admin/event-form";
import { PinForm } from "@/components/admin/pin-form";
import { ReadOnlyNotice } from "@/components/admin/read-only-notice";
import { RecordDetails } from "@/components/admin/record-details";
import { formatDayRange } from "@/components/format";
import { Flash } from "@/components/ui/form-message";
import { pinEventAction, updateEventAction } from "@/lib/actions/events";
import { getEventForEdit } from "@/lib/data/events-admin";
import { roleCan } from "@/lib/auth/roles";
import { requireEditor } from "@/lib/data/session";
import { parseId } from "@/lib/validation/id";

export const metadata: Metadata = { title: "Edit event" };

const SAVED: Record<string, string> = {
  created: "Event created. Add its leaders from its page or with a new entry.",
  updated: "Saved. The public pages show the change now.",
  pinned: "Pinned: the home page features this event now.",
  unpinned: "Unpinned: the home page features the event the date rule chooses.",
};

export default async function EditEventPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await params).id;
  const editor = await requireEditor(`/admin/events/${raw}`);
  const id = parseId(raw);
  const event = id ? await getEventForEdit(id) : null;
  if (!event) notFound();
  const saved = String((await searchParams).saved ?? "");
  const canEdit = roleCan(editor.role, "event:edit");
  const section = "max-w-xl space-y-3 border-t border-slate-300 pt-6 dark:border-slate-700";
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">
          {canEdit ? "Edit event" : "Event"}: {event.name}
        </h1>
        <span className="flex flex-wrap gap-4">
          <Link href={`/events/${event.slug}`}>View public page</Link>
          {roleCan(editor.role, "entry:edit") && (
            <>
              <Link href={`/admin/entries/new?event=${event.id}`}>Add a leader to this event</Link>
              <Link href={`/admin/events/${event.id}/import`}>Import from a spreadsheet</Link>
            </>
          )}
        </span>
      </div>
      <Flash message={SAVED[saved]} />
      {canEdit ? (
        <EventForm
          action={updateEventAction.bind(null, event.id)}
          initial={event}
          submitLabel="Save event"
        />
      ) : (
        <>
          <ReadOnlyNotice role={editor.role} />
          <RecordDetails
            items={[
              { term: "Name", value: event.name },
              { term: "Dates", value: formatDayRange(event.date, event.endDate) },
              { term: "Place", value: event.place },
              { term: "Occasion", value: event.occasion },
              { term: "Address", value: <code>/events/{event.slug}</code> },
            ]}
          />
        </>
      )}
      {event.formerSlugs.length > 0 && (
        <p className="max-w-xl text-sm text-slate-700 dark:text-slate-300">
          Former addresses, each redirecting here:{" "}
          {event.formerSlugs.map((s, i) => (
            <span key={s}>
              {i > 0 && ", "}
              <code>/events/{s}</code>
            </span>
          ))}
        </p>
      )}

      <section aria-labelledby="pin-heading" className={section}>
        <h2 id="pin-heading" className="text-lg font-semibold">
          Home page
        </h2>
        <p>
          {event.pinned
            ? "This event is pinned: the home page features it whatever the date."
            : `The home page features the next upcoming event, or else the most recent one.${canEdit ? " Pin this event to feature it instead." : ""}`}
        </p>
        {canEdit && (
          <PinForm
            action={pinEventAction.bind(null, event.id)}
            version={event.version}
            pinned={event.pinned}
          />
        )}
      </section>

      {roleCan(editor.role, "event:delete") && (
        <section aria-labelledby="delete-heading" className={section}>
          <h2 id="delete-heading" className="text-lg font-semibold">
            Delete this event
          </h2>
          {event.entryCount > 0 ? (
            <>
              <p>
                {event.name} cannot be deleted while it has entries ({event.entryCount}). Delete
                them or move them to another event first:
              </p>
              <ul className="list-disc pl-5">
                {event.entries.map((e) => (
                  <li key={e.id}>
                    <Link href={`/admin/entries/${e.id}`}>{e.leader}</Link>
                  </li>
                ))}
              </ul>
              {event.entryCount > event.entries.length && (
                <p>
                  <Link href={`/admin?event=${encodeURIComponent(event.slug)}`}>
                    All {event.entryCount} entries
                  </Link>
                </p>
              )}
            </>
          ) : (
            <p>
              <DangerLink href={`/admin/events/${event.id}/delete`}>Delete {event.name}</DangerLink>
            </p>
          )}
        </section>
      )}
    </div>
  );
}
