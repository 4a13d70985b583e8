import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SuggestionCard } from "@/components/admin/suggestion-card";
import { SuggestionEventPicker } from "@/components/admin/suggestion-event-picker";
import { formatDay } from "@/components/format";
import { Flash } from "@/components/ui/form-message";
import { acceptSuggestionAction, dismissSuggestionAction } from "@/lib/actions/suggestions";
import { roleCan } from "@/lib/auth/roles";
import { listEventOptions } from "@/lib/data/events";
import { requireEditor } from "@/lib/data/session";
import { getSourceForEdit } from "@/lib/data/sources-admin";
import { listSuggestions, type SuggestionRow } from "@/lib/data/suggestions";
import { CLAIM_LABELS } from "@/lib/suggest/suggest";
import { parseId } from "@/lib/validation/id";

export const metadata: Metadata = { title: "Suggested claims" };

const claimLabel = (row: SuggestionRow) => CLAIM_LABELS[row.claim];
const asOfLabel = (row: SuggestionRow) => (row.asOf ? `as of ${formatDay(row.asOf)}` : "undated");

export default async function SuggestionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await params).id;
  const editor = await requireEditor(`/admin/sources/${raw}/suggestions`);
  const id = parseId(raw);
  const source = id ? await getSourceForEdit(id) : null;
  if (!source) notFound();
  const query = await searchParams;
  const eventId = parseId(query.event);
  const events = await listEventOptions({ include: eventId ?? undefined });
  const found = eventId ? await listSuggestions(source.id, eventId) : null;
  const canEdit = roleCan(editor.role, "entry:edit");
  const entryId = parseId(query.entry);

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">Suggested claims</h1>
        <p>
          In <Link href={`/admin/sources/${source.id}`}>{source.title}</Link> ({source.publisher}),
          version {source.textVersion} of its text. Suggestions change nothing until you accept one.
        </p>
      </div>
      <SuggestionEventPicker sourceId={source.id} events={events} selected={eventId} />
      {eventId && !found && <p role="alert">That event does not exist; choose another.</p>}
      {found && (
        <>
          <Flash
            message={
              query.saved === "accepted"
                ? "Accepted: the step is saved with its citation."
                : query.saved === "dismissed"
                  ? "Dismissed: it will not be suggested again for this source and event."
                  : undefined
            }
          />
          {query.saved === "accepted" && entryId && (
            <p>
              <Link href={`/admin/entries/${entryId}`}>Open the entry you just changed</Link>
            </p>
          )}
          <Suggestions
            rows={found.rows}
            sourceId={source.id}
            eventId={found.event.id}
            eventName={found.event.name}
            canEdit={canEdit}
          />
        </>
      )}
    </div>
  );
}

function Suggestions({
  rows,
  sourceId,
  eventId,
  eventName,
  canEdit,
}: {
  rows: SuggestionRow[];
  sourceId: number;
  eventId: number;
  eventName: string;
  canEdit: boolean;
}) {
  const fresh = rows.filter((r) => r.state === "new");
  const recorded = rows.filter((r) => r.state === "recorded");
  const dismissed = rows.filter((r) => r.state === "dismissed");
  const accept = acceptSuggestionAction.bind(null, sourceId, eventId);
  const dismiss = dismissSuggestionAction.bind(null, sourceId, eventId);
  return (
    <>
      <section aria-labelledby="new-heading" className="space-y-4">
        <h2 id="new-heading" className="text-xl font-semibold">
          New suggestions about {eventName} ({fresh.length})
        </h2>
        {fresh.length === 0 && <p>No claim in this text awaits a decision.</p>}
        {!canEdit && fresh.length > 0 && (
          <p>Your role cannot save entries: the suggestions are shown for reading only.</p>
        )}
        {fresh.map((row, i) =>
          canEdit ? (
            <SuggestionCard
              key={row.key}
              index={i}
              accept={accept}
              dismiss={dismiss}
              suggestion={{
                key: row.key,
                leader: row.leader,
                claim: row.claim,
                claimLabel: claimLabel(row),
                representative: row.representative,
                asOf: row.asOf,
                asOfLabel: asOfLabel(row),
                quote: { quote: row.quote.quote, start: row.quote.start },
                reason: row.reason,
                hasEntry: row.attendanceId !== null,
              }}
            />
          ) : (
            <article
              key={row.key}
              className="rounded border border-slate-300 p-4 dark:border-slate-700"
            >
              <h3 className="font-semibold">
                {row.leader.name}: {claimLabel(row)}, {asOfLabel(row)}
              </h3>
              <blockquote className="border-l-4 border-slate-400 pl-3 font-serif">
                “{row.quote.quote}”
              </blockquote>
              <p className="text-sm">Why: {row.reason}</p>
            </article>
          ),
        )}
      </section>
      <section aria-labelledby="recorded-heading" className="space-y-2">
        <h2 id="recorded-heading" className="text-xl font-semibold">
          Already recorded ({recorded.length})
        </h2>
        {recorded.length === 0 ? (
          <p>None of these claims is in a story yet.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {recorded.map((row) => (
              <li key={row.key}>
                <span aria-hidden="true">✓ </span>Recorded:{" "}
                <Link href={`/admin/entries/${row.attendanceId}`}>{row.leader.name}</Link>,{" "}
                {claimLabel(row)}, {asOfLabel(row)} — “{row.quote.quote}”
              </li>
            ))}
          </ul>
        )}
      </section>
      {dismissed.length > 0 && (
        <details className="rounded bg-slate-50 p-3 dark:bg-slate-900">
          <summary className="cursor-pointer font-medium">Dismissed ({dismissed.length})</summary>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {dismissed.map((row) => (
              <li key={row.key}>
                {row.leader.name}, {claimLabel(row)}, {asOfLabel(row)} — “{row.quote.quote}”
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
