import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttendanceForm } from "@/components/admin/attendance-form";
import { RevertLink } from "@/components/admin/revert-form";
import { RevisionList } from "@/components/revision-list";
import { Flash } from "@/components/ui/form-message";
import { updateAttendanceAction } from "@/lib/actions/attendance";
import { listEntryRevisions } from "@/lib/data/history";
import { getAttendanceForEdit } from "@/lib/data/attendance-admin";
import { listEventOptions } from "@/lib/data/events";
import { listLeaderOptions } from "@/lib/data/leaders";
import { requireEditor } from "@/lib/data/session";
import { listSourceOptions } from "@/lib/data/sources-admin";
import { parseId } from "@/lib/validation/id";

export const metadata: Metadata = { title: "Edit entry" };

const SAVED: Record<string, string> = {
  created: "Entry created. The public pages show it now.",
  updated: "Saved. The public pages show the change now.",
  reverted: "Reverted. The public pages show the restored entry now.",
};

type EditEntryPageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EditEntryPage({ params, searchParams }: EditEntryPageProps) {
  const raw = (await params).id;
  await requireEditor(`/admin/entries/${raw}`);
  const id = parseId(raw);
  const entry = id ? await getAttendanceForEdit(id) : null;
  if (!entry) notFound();
  const saved = (await searchParams).saved;
  const [events, leaders, sources, revisions] = await Promise.all([
    listEventOptions({ include: entry.eventId }),
    listLeaderOptions(),
    listSourceOptions(),
    listEntryRevisions(entry.id),
  ]);
  const sourceTitle = new Map(sources.map((s) => [s.id, s.title]));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Edit: {entry.leaderName}</h1>
        <p className="flex gap-4 text-sm">
          <Link href={`/attendance/${entry.id}`}>View public page</Link>
          <Link
            href={`/admin/entries/${entry.id}/delete`}
            className="text-red-800 dark:text-red-300"
          >
            Delete entry
          </Link>
        </p>
      </div>
      <Flash message={typeof saved === "string" ? SAVED[saved] : undefined} />

      <section
        aria-labelledby="anchored-heading"
        className="space-y-3 rounded-lg bg-slate-50 p-4 dark:bg-slate-900"
      >
        <h2 id="anchored-heading" className="font-semibold">
          Anchored passages (as saved)
        </h2>
        <ol className="space-y-3">
          {entry.citations.map((c, i) => (
            <li key={`${c.sourceId}-${c.start}`}>
              <p className="text-sm text-slate-600 dark:text-slate-400">
                [{i + 1}] {sourceTitle.get(c.sourceId)}, characters {c.start}–{c.end}
              </p>
              <blockquote className="font-serif">
                <span className="text-slate-500 dark:text-slate-400">…{c.before}</span>
                <mark className="bg-amber-100 px-0.5 text-inherit dark:bg-amber-900/60">
                  {c.quote}
                </mark>
                <span className="text-slate-500 dark:text-slate-400">{c.after}…</span>
              </blockquote>
            </li>
          ))}
        </ol>
      </section>

      <AttendanceForm
        action={updateAttendanceAction.bind(null, entry.id)}
        initial={{
          version: entry.version,
          eventId: entry.eventId,
          leaderMode: "existing",
          leaderId: entry.leaderId,
          status: entry.status,
          asOf: entry.asOf,
          note: entry.note,
          citations: entry.citations.map((c) => ({ sourceId: c.sourceId, quote: c.quote })),
        }}
        events={events}
        leaders={leaders}
        sources={sources}
        submitLabel="Save changes"
      />

      <section
        aria-labelledby="history-heading"
        className="space-y-4 border-t border-slate-300 pt-6 dark:border-slate-700"
      >
        <h2 id="history-heading" className="text-xl font-semibold">
          History
        </h2>
        <RevisionList
          revisions={revisions}
          actions={(revision) =>
            revision.version !== null &&
            revision.version !== entry.version &&
            revision.action !== "delete" ? (
              <RevertLink
                attendanceId={entry.id}
                revisionId={revision.id}
                label={`Restore this version (${revision.createdAt.slice(0, 16).replace("T", " ")} UTC)`}
              />
            ) : null
          }
        />
      </section>
    </div>
  );
}
