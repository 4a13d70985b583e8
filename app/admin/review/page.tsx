import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmCitationForm, ReciteCitationForm } from "@/components/admin/citation-review-forms";
import { formatDay } from "@/components/format";
import { StatusBadge } from "@/components/status-badge";
import { Flash } from "@/components/ui/form-message";
import { confirmCitationAction, reciteCitationAction } from "@/lib/actions/citations";
import { roleCan } from "@/lib/auth/roles";
import { listReviewQueue, REVIEW_PAGE_SIZE, type ReviewItemDTO } from "@/lib/data/citation-review";
import { requireEditor } from "@/lib/data/session";
import { wordDiff } from "@/lib/text/word-diff";

export const metadata: Metadata = { title: "Citations to review" };

const DONE: Record<string, string> = {
  confirmed: "Confirmed. The entry cites the new wording.",
  cited: "Cited. The entry's public page shows the new passage.",
};

export default async function ReviewQueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const editor = await requireEditor("/admin/review");
  const canEditEntries = roleCan(editor.role, "entry:edit");
  const done = (await searchParams).done;
  const items = await listReviewQueue();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Citations to review</h1>
      <Flash message={typeof done === "string" ? DONE[done] : undefined} />
      <p className="text-slate-700 dark:text-slate-300">
        Edits of a source&rsquo;s text leave here the citations that were re-found with changed
        wording (confirm the new words, or cite others) and those that were not found (cite the new
        text, or change the entry).
      </p>
      {items.length === 0 ? (
        <p>Nothing to review: every citation quotes its source as cited.</p>
      ) : (
        <ol className="space-y-6">
          {items.map((item) => (
            <ReviewItem key={item.citationId} item={item} canEditEntry={canEditEntries} />
          ))}
        </ol>
      )}
      {items.length === REVIEW_PAGE_SIZE && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The {REVIEW_PAGE_SIZE} longest waiting are shown; more appear as these are reviewed.
        </p>
      )}
    </div>
  );
}

function ReviewItem({ item, canEditEntry }: { item: ReviewItemDTO; canEditEntry: boolean }) {
  const headingId = `review-${item.citationId}`;
  return (
    <li
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-slate-300 p-4 dark:border-slate-700"
    >
      <h2 id={headingId} className="flex flex-wrap items-center gap-2 font-semibold">
        <span>
          {item.leaderName} · {item.eventName}
        </span>
        <StatusBadge status={item.step.status} />
        <span className="text-sm font-normal text-slate-600 dark:text-slate-400">
          {item.step.asOf ? `as of ${formatDay(item.step.asOf)}` : "undated"}
          {item.step.current ? " · current status" : " · an earlier step"}
        </span>
      </h2>
      <p className="text-sm">
        {item.review === "check" ? "Re-found with changed wording" : "Not found"} in version{" "}
        {item.checkedVersion} of{" "}
        <Link href={`/sources/${item.source.id}`}>{item.source.title}</Link>
        {item.since ? `, saved ${formatDay(item.since)}` : ""}.{" "}
        <Link href={item.passageHref}>
          {item.review === "check"
            ? "See the passage"
            : `See it in version ${item.anchoredVersion}, as cited`}
        </Link>
        {" · "}
        <Link href={`/admin/entries/${item.attendanceId}`}>
          {canEditEntry ? "Edit the entry" : "Open the entry"}
        </Link>
      </p>
      {item.review === "check" ? (
        <>
          <p className="font-serif text-lg leading-relaxed">
            {wordDiff(item.citedQuote ?? item.quote, item.quote).map((part, i) =>
              part.kind === "same" ? (
                <span key={i}>{part.text}</span>
              ) : part.kind === "removed" ? (
                <del key={i} className="bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200">
                  <span className="sr-only">(was: </span>
                  {part.text}
                  <span className="sr-only">)</span>
                </del>
              ) : (
                <ins
                  key={i}
                  className="bg-emerald-100 text-emerald-900 no-underline dark:bg-emerald-950 dark:text-emerald-200"
                >
                  <span className="sr-only">(now: </span>
                  {part.text}
                  <span className="sr-only">)</span>
                </ins>
              ),
            )}
          </p>
          <ConfirmCitationForm
            action={confirmCitationAction.bind(null, item.citationId)}
            checkedVersion={item.checkedVersion}
            label="Confirm the new wording"
          />
          <details>
            <summary className="cursor-pointer text-sm">Cite other words instead</summary>
            <div className="mt-2">
              <ReciteCitationForm
                action={reciteCitationAction.bind(null, item.citationId)}
                checkedVersion={item.checkedVersion}
                citationId={item.citationId}
                suggestion={item.quote}
              />
            </div>
          </details>
        </>
      ) : (
        <>
          <blockquote className="border-l-4 border-slate-300 pl-3 font-serif text-lg leading-relaxed dark:border-slate-700">
            {item.quote}
          </blockquote>
          <ReciteCitationForm
            action={reciteCitationAction.bind(null, item.citationId)}
            checkedVersion={item.checkedVersion}
            citationId={item.citationId}
            suggestion={item.suggestion}
          />
        </>
      )}
    </li>
  );
}
