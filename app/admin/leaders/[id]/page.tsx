import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DangerLink } from "@/components/admin/danger-link";
import { LeaderForm } from "@/components/admin/leader-form";
import { ReadOnlyNotice } from "@/components/admin/read-only-notice";
import { RecordDetails } from "@/components/admin/record-details";
import { inputClass } from "@/components/ui/field";
import { Flash } from "@/components/ui/form-message";
import { updateLeaderAction } from "@/lib/actions/leaders";
import { getLeaderForEdit, listMergeCandidates } from "@/lib/data/leaders";
import { roleCan } from "@/lib/auth/roles";
import { requireEditor } from "@/lib/data/session";
import { countOf } from "@/lib/text/plural";
import { parseId } from "@/lib/validation/id";

export const metadata: Metadata = { title: "Edit leader" };

const first = (v: string | string[] | undefined) =>
  (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 200) || undefined;

export default async function EditLeaderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await params).id;
  const editor = await requireEditor(`/admin/leaders/${raw}`);
  const id = parseId(raw);
  const leader = id ? await getLeaderForEdit(id) : null;
  if (!leader) notFound();
  const query = await searchParams;
  const saved = first(query.saved);
  const mergeQuery = first(query.merge);
  const canEdit = roleCan(editor.role, "leader:edit");
  const canMerge = roleCan(editor.role, "leader:merge");
  const candidates = canMerge ? await listMergeCandidates(leader.id, mergeQuery) : [];
  const section = "max-w-xl space-y-3 border-t border-slate-300 pt-6 dark:border-slate-700";
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">
          {canEdit ? "Edit leader" : "Leader"}: {leader.name}
        </h1>
        <Link href={`/leaders/${leader.id}`}>View public page</Link>
      </div>
      <Flash
        message={
          saved === "merged"
            ? "Merged: the other record's entries are this leader's now, and it was removed."
            : saved
              ? "Saved. The public pages show the change now."
              : undefined
        }
      />
      {canEdit ? (
        <LeaderForm action={updateLeaderAction.bind(null, leader.id)} initial={leader} />
      ) : (
        <>
          <ReadOnlyNotice role={editor.role} />
          <RecordDetails
            items={[
              { term: "Name", value: leader.name },
              { term: "Office", value: leader.office },
              { term: "Country or entity", value: leader.polity },
              { term: "ISO country code", value: leader.countryCode },
              { term: "Aliases", value: leader.aliases.join(", ") },
              { term: "Wikidata id", value: leader.wikidataId },
              {
                term: "Entries",
                value: leader.entries.length > 0 && (
                  <ul className="list-disc pl-5">
                    {leader.entries.map((e) => (
                      <li key={e.id}>
                        <Link href={`/admin/entries/${e.id}`}>{e.event}</Link>
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        </>
      )}

      {canMerge && (
        <section aria-labelledby="merge-heading" className={section}>
          <h2 id="merge-heading" className="text-lg font-semibold">
            Merge another record of this person
          </h2>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Its entries move to {leader.name}, its name and aliases become aliases here, and it is
            removed. Both records&apos; histories say so.
          </p>
          <form
            method="get"
            role="search"
            aria-label="Find the other record"
            className="flex gap-2"
          >
            <label htmlFor="merge-q" className="sr-only">
              Find the other record
            </label>
            <input
              id="merge-q"
              name="merge"
              type="search"
              defaultValue={mergeQuery}
              placeholder="Their name, office or country"
              className={inputClass}
            />
            <button type="submit" className="mt-1 rounded border border-slate-500 px-3 py-1.5">
              Find
            </button>
          </form>
          {candidates.length > 0 ? (
            <form method="get" action={`/admin/leaders/${leader.id}/merge`} className="space-y-3">
              <fieldset>
                <legend className="text-sm font-medium">
                  The record to merge into {leader.name}
                </legend>
                {candidates.map((c, i) => (
                  <label key={c.id} className="mt-1 flex items-start gap-2">
                    <input
                      type="radio"
                      name="other"
                      value={c.id}
                      required
                      defaultChecked={i === 0 && candidates.length === 1}
                      className="mt-1.5"
                    />
                    <span>
                      {c.name} ({c.office}, {c.polity}) · #{c.id} ·{" "}
                      {countOf(c.entryCount, "entry", "entries")}
                    </span>
                  </label>
                ))}
              </fieldset>
              <button type="submit" className="rounded border border-slate-500 px-3 py-1.5">
                Review the merge…
              </button>
            </form>
          ) : (
            <p className="text-sm">
              {mergeQuery
                ? `No other leader matches “${mergeQuery}”.`
                : "No other record has this name or one of its aliases. Find one above."}
            </p>
          )}
        </section>
      )}

      {canEdit && (
        <section aria-labelledby="delete-heading" className={section}>
          <h2 id="delete-heading" className="text-lg font-semibold">
            Delete this leader
          </h2>
          {leader.entries.length > 0 ? (
            <>
              <p>
                {leader.name} cannot be deleted while entries use this leader. Delete or change
                these entries first:
              </p>
              <ul className="list-disc pl-5">
                {leader.entries.map((e) => (
                  <li key={e.id}>
                    <Link href={`/admin/entries/${e.id}`}>{e.event}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>
              <DangerLink href={`/admin/leaders/${leader.id}/delete`}>
                Delete {leader.name}
              </DangerLink>
            </p>
          )}
        </section>
      )}
    </div>
  );
}
