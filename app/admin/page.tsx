import type { Metadata } from "next";
import Link from "next/link";
import { EntryRows } from "@/components/admin/entry-rows";
import { ReadOnlyNotice } from "@/components/admin/read-only-notice";
import { Flash } from "@/components/ui/form-message";
import { inputClass } from "@/components/ui/field";
import { FilterSelect } from "@/components/ui/filter-select";
import { roleCan } from "@/lib/auth/roles";
import { ATTENDANCE_STATUSES, STATUS_LABELS, isAttendanceStatus } from "@/lib/attendance/status";
import { GenerationMemo } from "@/lib/cache/generation-memo";
import { listAdminAttendance } from "@/lib/data/attendance-admin";
import { listEventOptions } from "@/lib/data/events";
import { getDataGeneration } from "@/lib/data/generation";
import { requireEditor } from "@/lib/data/session";
import { parseId } from "@/lib/validation/id";

export const metadata: Metadata = { title: "Entries" };

/** Events offered in the filter's select. */
const EVENT_OPTIONS = 50;

type AdminPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The rows of each query (as data: React renders them) and the events of the select, kept while
 * the data does not change: the same for every editor, and the queries are what this page
 * would otherwise spend most on.
 */
const rowsByQuery = new GenerationMemo<Awaited<ReturnType<typeof listAdminAttendance>>>(200);
const eventOptions = new GenerationMemo<Awaited<ReturnType<typeof listEventOptions>>>(50);

const first = (v: string | string[] | undefined) =>
  (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

export default async function AdminEntriesPage({ searchParams }: AdminPageProps) {
  const editor = await requireEditor("/admin");
  const canEdit = roleCan(editor.role, "entry:edit");
  const params = await searchParams;
  const q = first(params.q)?.slice(0, 200);
  const eventSlug = first(params.event)?.slice(0, 200);
  const statusParam = first(params.status);
  const status = isAttendanceStatus(statusParam) ? statusParam : undefined;
  const before = parseId(first(params.before)) ?? undefined;

  const generation = await getDataGeneration();
  const [{ rows, nextBefore }, events] = await Promise.all([
    rowsByQuery.get(generation, JSON.stringify([q, eventSlug, status, before]), () =>
      listAdminAttendance({ q, eventSlug, status, before }),
    ),
    // The most recent events, and the one filtered on: a select of all 10,000 would weigh more
    // than the rows. Any event's entries are also one link away from its admin filter URL.
    eventOptions.get(generation, eventSlug ?? "", () =>
      listEventOptions({ limit: EVENT_OPTIONS, includeSlug: eventSlug }),
    ),
  ]);
  const nextParams = new URLSearchParams({
    ...(q ? { q } : {}),
    ...(eventSlug ? { event: eventSlug } : {}),
    ...(status ? { status } : {}),
    ...(nextBefore ? { before: String(nextBefore) } : {}),
  });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Entries</h1>
        {canEdit && (
          <Link
            href="/admin/entries/new"
            className="rounded bg-blue-800 px-4 py-2 font-medium text-white no-underline hover:bg-blue-900 dark:bg-blue-300 dark:text-slate-950"
          >
            New entry
          </Link>
        )}
      </div>
      {!canEdit && <ReadOnlyNotice role={editor.role} />}
      <Flash message={params.deleted ? "The entry was deleted." : undefined} />

      <form
        method="get"
        role="search"
        aria-label="Filter entries"
        className="grid grid-cols-1 gap-3 sm:grid-cols-[2fr_2fr_1fr_auto] sm:items-end"
      >
        <div>
          <label htmlFor="admin-q" className="block text-sm font-medium">
            Search leaders
          </label>
          <input
            id="admin-q"
            type="search"
            name="q"
            defaultValue={q}
            maxLength={200}
            className={inputClass}
          />
        </div>
        <FilterSelect
          id="admin-event"
          name="event"
          label="Event"
          anyLabel="All events"
          options={events.map((e) => ({ value: e.slug, label: `${e.name} (${e.date})` }))}
          defaultValue={eventSlug}
        />
        <FilterSelect
          id="admin-status"
          name="status"
          label="Status"
          anyLabel="All statuses"
          options={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          defaultValue={status}
        />
        <button type="submit" className="rounded border border-slate-500 px-4 py-2 font-medium">
          Filter
        </button>
      </form>

      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-400 p-6 text-center">
          No entries match these filters.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="admin-table">
            <caption className="sr-only">Entries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Leader</th>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">As of</th>
                <th scope="col">Citations</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              <EntryRows rows={rows} open={canEdit ? "Edit" : "Open"} />
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pages" className="flex gap-4">
        {before && <Link href="/admin">First page</Link>}
        {nextBefore && <Link href={`/admin?${nextParams}`}>Next page →</Link>}
      </nav>
    </div>
  );
}
