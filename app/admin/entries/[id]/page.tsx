import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttendanceForm } from "@/components/admin/attendance-form";
import { DangerLink } from "@/components/admin/danger-link";
import { StepForm } from "@/components/admin/step-form";
import { formatDay, formatDayRange } from "@/components/format";
import { ClaimBadge } from "@/components/status-badge";
import { StepCitations } from "@/components/story-timeline";
import { RevertLink } from "@/components/admin/revert-form";
import { RevisionList } from "@/components/revision-list";
import { Flash } from "@/components/ui/form-message";
import { updateAttendanceAction } from "@/lib/actions/attendance";
import { addStepAction, updateStepAction } from "@/lib/actions/steps";
import { STATUS_LABELS, claimLabel, representedBy } from "@/lib/attendance/status";
import { getStory, listEntryRevisions } from "@/lib/data/history";
import { getAttendanceForEdit } from "@/lib/data/attendance-admin";
import { listEventOptions } from "@/lib/data/events";
import { listLeaderOptions } from "@/lib/data/leaders";
import { ReadOnlyNotice } from "@/components/admin/read-only-notice";
import { RecordDetails } from "@/components/admin/record-details";
import { roleCan } from "@/lib/auth/roles";
import { requireEditor } from "@/lib/data/session";
import { listSourceOptions } from "@/lib/data/sources-admin";
import { parseCarriedStep } from "@/lib/validation/carried-step";
import { parseId } from "@/lib/validation/id";

export const metadata: Metadata = { title: "Edit entry" };

const SAVED: Record<string, string> = {
  created: "Entry created. The public pages show it now.",
  updated: "Saved. The public pages show the change now.",
  reverted: "Reverted. The public pages show the restored entry now.",
  "step-added": "Step added.",
  "step-updated": "Step saved.",
  "step-removed": "Step removed.",
};

type EditEntryPageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EditEntryPage({ params, searchParams }: EditEntryPageProps) {
  const raw = (await params).id;
  const editor = await requireEditor(`/admin/entries/${raw}`);
  const id = parseId(raw);
  const entry = id ? await getAttendanceForEdit(id) : null;
  if (!entry) notFound();
  // A role that may not edit entries reads the entry, its story and its history, with no form.
  const canEdit = roleCan(editor.role, "entry:edit");
  const query = await searchParams;
  const saved = query.saved;
  // A step typed into a refused new-entry form for this leader and event, checked field by field.
  const carried = parseCarriedStep(query);
  const [events, leaders, sources, revisions, story] = await Promise.all([
    listEventOptions({ include: entry.eventId }),
    canEdit ? listLeaderOptions() : [],
    listSourceOptions(),
    listEntryRevisions(entry.id),
    getStory(entry.id),
  ]);
  const sourceTitle = new Map(sources.map((s) => [s.id, s.title]));
  const asStep = (s: (typeof story)[number]) => ({
    id: s.id,
    status: s.status,
    asOf: s.asOf,
    recordedAt: s.recordedAt,
  });
  const flash =
    typeof saved === "string" && SAVED[saved]
      ? `${SAVED[saved]}${saved.startsWith("step-") ? ` The current status is ${STATUS_LABELS[entry.status]}${entry.asOf ? `, as of ${formatDay(entry.asOf)}` : ""}.` : ""}`
      : undefined;

  const event = events.find((e) => e.id === entry.eventId);
  return (
    <div className="space-y-6">
      {/* The first stop in the page: past the entry's form and its steps to a new step's status. */}
      {canEdit && (
        <a
          href="#add-step-heading"
          className="sr-only rounded bg-white px-3 py-2 focus:not-sr-only focus:inline-block dark:bg-slate-950"
        >
          Skip to “Add a step”
        </a>
      )}
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">
          {canEdit ? "Edit" : "Entry"}: {entry.leaderName}
        </h1>
        <p className="flex gap-4 text-sm">
          <Link href={`/attendance/${entry.id}`}>View public page</Link>
          {canEdit && (
            <Link
              href={`/admin/entries/${entry.id}/delete`}
              className="text-red-800 dark:text-red-300"
            >
              Delete entry
            </Link>
          )}
        </p>
      </div>
      <Flash message={flash} />
      {!canEdit && <ReadOnlyNotice role={editor.role} />}

      <section
        aria-labelledby="anchored-heading"
        className="space-y-3 rounded-lg bg-slate-50 p-4 dark:bg-slate-900"
      >
        <h2 id="anchored-heading" className="font-semibold">
          Anchored passages (as saved)
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The current step&apos;s citations: {STATUS_LABELS[entry.status]}
          {entry.asOf ? `, as of ${formatDay(entry.asOf)}` : ", undated"}.
        </p>
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

      <section aria-labelledby="entry-heading" className="space-y-4">
        <h2 id="entry-heading" className="text-xl font-semibold">
          Entry
        </h2>
        {canEdit ? (
          <AttendanceForm
            action={updateAttendanceAction.bind(null, entry.id)}
            initial={{
              version: entry.version,
              eventId: entry.eventId,
              leaderMode: "existing",
              leaderId: entry.leaderId,
              note: entry.note,
            }}
            events={events}
            leaders={leaders}
            sources={sources}
            submitLabel="Save changes"
            withFirstStep={false}
          />
        ) : (
          <RecordDetails
            items={[
              {
                term: "Leader",
                value: <Link href={`/admin/leaders/${entry.leaderId}`}>{entry.leaderName}</Link>,
              },
              {
                term: "Event",
                value: event && (
                  <Link href={`/admin/events/${event.id}`}>
                    {event.name} ({formatDayRange(event.date, event.endDate)})
                  </Link>
                ),
              },
              {
                term: "Status",
                value: `${STATUS_LABELS[entry.status]}${entry.asOf ? `, as of ${formatDay(entry.asOf)}` : ""}`,
              },
              { term: "Note", value: entry.note },
            ]}
          />
        )}
      </section>

      <section
        aria-labelledby="story-heading"
        className="space-y-4 border-t border-slate-300 pt-6 dark:border-slate-700"
      >
        <h2 id="story-heading" className="text-xl font-semibold">
          Story
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Each step is one claim of a source: a status as of the date the source asserts it. The
          latest step by that date gives the current status; on the same date, the one recorded
          later.
        </p>
        <ol className="space-y-4">
          {story.map((step) => {
            const heading = `${claimLabel(step)}, ${step.asOf ? `as of ${formatDay(step.asOf)}` : "undated"}`;
            return (
              <li
                key={step.id}
                id={`step-${step.id}`}
                className="space-y-2 rounded-lg border border-slate-300 p-4 dark:border-slate-700"
              >
                <h3 className="flex flex-wrap items-center gap-2 font-medium">
                  <ClaimBadge status={step.status} outcome={step.outcome} />
                  <span>{step.asOf ? `as of ${formatDay(step.asOf)}` : "undated"}</span>
                  {step.current && <span className="text-sm">(current status)</span>}
                </h3>
                <StepCitations step={step} />
                {step.note && <p className="text-sm">{step.note}</p>}
                {step.representative && (
                  <p className="text-sm">{representedBy(step.representative).replace(/^r/, "R")}</p>
                )}
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  Recorded {step.recordedBy ? `by ${step.recordedBy}, ` : ""}
                  {formatDay(step.recordedAt)}
                </p>
                {canEdit && (
                  <details className="rounded bg-slate-50 p-3 dark:bg-slate-900">
                    <summary className="cursor-pointer font-medium">
                      Edit this step<span className="sr-only">: {heading}</span>
                    </summary>
                    <div className="mt-3">
                      <StepForm
                        action={updateStepAction.bind(null, entry.id, step.id)}
                        idPrefix={`step-${step.id}`}
                        title={`Step: ${heading}`}
                        initial={{
                          version: step.version,
                          status: step.outcome ?? step.status,
                          representativeId: step.representative?.id ?? "",
                          asOf: step.asOf,
                          note: step.note,
                          // The start keeps a quote found in several places where it was put.
                          citations: step.citations.map((c) => ({
                            sourceId: c.source.id,
                            quote: c.quote,
                            start: c.start,
                          })),
                        }}
                        sources={sources}
                        leaders={leaders}
                        others={story.filter((o) => o.id !== step.id).map(asStep)}
                        currentStatus={entry.status}
                        editing
                        submitLabel="Save step"
                      />
                    </div>
                  </details>
                )}
                {canEdit && story.length > 1 && (
                  <DangerLink href={`/admin/entries/${entry.id}/steps/${step.id}/remove`}>
                    Remove this step<span className="sr-only"> ({heading})</span>
                  </DangerLink>
                )}
              </li>
            );
          })}
        </ol>
        {canEdit && (
          <section
            aria-labelledby="add-step-heading"
            className="space-y-3 rounded-lg border border-slate-300 p-4 dark:border-slate-700"
          >
            <h3 id="add-step-heading" className="text-lg font-semibold">
              Add a step
            </h3>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              A new claim of a source, at any date: an older report, a later confirmation, another
              source&apos;s view.
            </p>
            {carried && (
              <p
                role="note"
                className="rounded border border-blue-800 bg-blue-50 p-3 text-sm text-blue-950 dark:border-blue-300 dark:bg-slate-900 dark:text-blue-100"
              >
                The step you typed for a new entry is filled in below. Check it and add it to this
                entry.
              </p>
            )}
            <StepForm
              action={addStepAction.bind(null, entry.id)}
              idPrefix="new-step"
              title="Add a step"
              initial={carried ?? { status: "", asOf: "", note: "", citations: [] }}
              sources={sources}
              leaders={leaders}
              others={story.map(asStep)}
              currentStatus={entry.status}
              editing={false}
              submitLabel="Add step"
            />
          </section>
        )}
      </section>

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
            canEdit &&
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
