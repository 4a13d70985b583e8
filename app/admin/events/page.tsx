import type { Metadata } from "next";
import Link from "next/link";
import { formatDay } from "@/components/format";
import { ReadOnlyNotice } from "@/components/admin/read-only-notice";
import { Flash } from "@/components/ui/form-message";
import { getFeaturedChoice, listEvents } from "@/lib/data/events";
import { roleCan } from "@/lib/auth/roles";
import { requireEditor } from "@/lib/data/session";

export const metadata: Metadata = { title: "Events" };

export default async function AdminEventsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const editor = await requireEditor("/admin/events");
  const canEdit = roleCan(editor.role, "event:edit");
  const params = await searchParams;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(String(params.page ?? "1"), 10) || 1));
  const [{ events, hasMore }, featured] = await Promise.all([
    listEvents(page),
    getFeaturedChoice(),
  ]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Events</h1>
        {canEdit && (
          <Link
            href="/admin/events/new"
            className="rounded bg-blue-800 px-4 py-2 font-medium text-white no-underline hover:bg-blue-900 dark:bg-blue-300 dark:text-slate-950"
          >
            New event
          </Link>
        )}
      </div>
      {!canEdit && <ReadOnlyNotice role={editor.role} />}
      <Flash message={params.deleted ? "The event was deleted." : undefined} />
      {featured && (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          The home page features <strong>{featured.event.name}</strong>
          {featured.rule === "pinned"
            ? ", pinned by an editor."
            : featured.rule === "upcoming"
              ? ", the next upcoming event."
              : ", the most recent event (none is upcoming)."}
        </p>
      )}
      <ul className="divide-y divide-slate-200 dark:divide-slate-800">
        {events.map((e) => (
          <li key={e.id} className="flex flex-wrap justify-between gap-2 py-2">
            <span>
              <Link href={`/admin/events/${e.id}`} className="font-semibold">
                {e.name}
              </Link>{" "}
              <span className="text-slate-600 dark:text-slate-400">
                <time dateTime={e.date}>{formatDay(e.date)}</time>, {e.place}
                {e.pinned && " · pinned to the home page"}
              </span>
            </span>
            <span className="text-sm">
              {e.counts.total} {e.counts.total === 1 ? "entry" : "entries"} ·{" "}
              <Link href={`/events/${e.slug}`}>public page</Link>
            </span>
          </li>
        ))}
      </ul>
      <nav aria-label="Pages" className="flex gap-4">
        {page > 1 && <Link href={`/admin/events?page=${page - 1}`}>← Newer</Link>}
        {hasMore && <Link href={`/admin/events?page=${page + 1}`}>Older →</Link>}
      </nav>
    </div>
  );
}
