import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DangerLink } from "@/components/admin/danger-link";
import { ReadOnlyNotice } from "@/components/admin/read-only-notice";
import { RecordDetails } from "@/components/admin/record-details";
import { SourceForm } from "@/components/admin/source-form";
import { SuggestionEventPicker } from "@/components/admin/suggestion-event-picker";
import { formatDay } from "@/components/format";
import { SnapshotLink } from "@/components/snapshot-link";
import { Flash } from "@/components/ui/form-message";
import { updateSourceAction } from "@/lib/actions/sources";
import { roleCan } from "@/lib/auth/roles";
import { requireEditor } from "@/lib/data/session";
import { listEventOptions } from "@/lib/data/events";
import { listEntriesCitingSource } from "@/lib/data/source-delete";
import { getSourceVersions } from "@/lib/data/sources";
import { getSaveReport, getSourceForEdit } from "@/lib/data/sources-admin";
import { parseId } from "@/lib/validation/id";

export const metadata: Metadata = { title: "Edit source" };

export default async function EditSourcePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await params).id;
  const editor = await requireEditor(`/admin/sources/${raw}`);
  const id = parseId(raw);
  const source = id ? await getSourceForEdit(id) : null;
  if (!source) notFound();
  const query = await searchParams;
  const saved = query.saved;
  const savedVersion = saved === "text" ? parseId(query.version) : null;
  const report = savedVersion ? await getSaveReport(source.id, savedVersion) : null;
  const citing = await listEntriesCitingSource(source.id);
  const current = (await getSourceVersions(source.id))?.find(
    (v) => v.number === source.textVersion,
  );
  const canEdit = roleCan(editor.role, "source:edit");
  const events = await listEventOptions();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">
          {canEdit ? "Edit source" : `Source: ${source.title}`}
        </h1>
        <p className="flex flex-wrap gap-4">
          <SnapshotLink sourceId={source.id} version={current} />
          <Link href={`/sources/${source.id}`}>View public page</Link>
        </p>
      </div>
      {report ? (
        <div
          role="status"
          className="rounded border border-emerald-700 bg-emerald-50 p-3 text-emerald-900 dark:border-emerald-400 dark:bg-emerald-950 dark:text-emerald-100"
        >
          <p className="font-medium">
            Saved as version {report.number} of the text: {report.summary}.
          </p>
          {report.toReview > 0 && (
            <p className="mt-1">
              <Link href="/admin/review" className="underline">
                Review the citations that need it ({report.toReview})
              </Link>
            </p>
          )}
        </div>
      ) : (
        <Flash
          message={
            saved === "created"
              ? "Source created."
              : saved
                ? "Saved. The public pages show the change now."
                : undefined
          }
        />
      )}
      {events.length > 0 && (
        <section aria-labelledby="suggest-heading" className="space-y-2">
          <h2 id="suggest-heading" className="text-lg font-semibold">
            Claims in this text
          </h2>
          <p>
            Rollcall reads the text for claims about leaders at an event, for you to accept or
            dismiss.
          </p>
          <SuggestionEventPicker
            sourceId={source.id}
            events={events}
            submitLabel="Suggest claims"
          />
        </section>
      )}
      {canEdit ? (
        <SourceForm
          action={updateSourceAction.bind(null, source.id)}
          initial={source}
          submitLabel="Save source"
        />
      ) : (
        <>
          <ReadOnlyNotice role={editor.role} />
          <RecordDetails
            items={[
              { term: "Title", value: source.title },
              { term: "Publisher", value: source.publisher },
              { term: "Web address", value: <a href={source.url}>{source.url}</a> },
              {
                term: "Published on",
                value: source.publishedOn && formatDay(source.publishedOn),
              },
              { term: "Note on the date", value: source.dateNote },
              { term: "Language", value: source.language },
              {
                term: "Cited by",
                value: citing.length > 0 && (
                  <ul className="list-disc pl-5">
                    {citing.map((e) => (
                      <li key={e.id}>
                        <Link href={`/admin/entries/${e.id}`}>
                          {e.leader} ({e.event})
                        </Link>
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
          <details className="max-w-prose rounded bg-slate-50 p-3 dark:bg-slate-900">
            <summary className="cursor-pointer font-medium">
              Full text, version {source.textVersion}
            </summary>
            <div className="mt-3 font-serif whitespace-pre-wrap">{source.text}</div>
          </details>
        </>
      )}
      {roleCan(editor.role, "source:delete") && (
        <section
          aria-labelledby="delete-heading"
          className="max-w-xl space-y-3 border-t border-slate-300 pt-6 dark:border-slate-700"
        >
          <h2 id="delete-heading" className="text-lg font-semibold">
            Delete this source
          </h2>
          {citing.length > 0 ? (
            <>
              <p>
                This source cannot be deleted while entries cite it. Change their citations to
                another source first:
              </p>
              <ul className="list-disc pl-5">
                {citing.map((e) => (
                  <li key={e.id}>
                    <Link href={`/admin/entries/${e.id}`}>
                      {e.leader} ({e.event})
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>
              <DangerLink href={`/admin/sources/${source.id}/delete`}>Delete source</DangerLink>
            </p>
          )}
        </section>
      )}
    </div>
  );
}
