import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MergeForm } from "@/components/admin/merge-form";
import { NotPermittedNotice } from "@/components/admin/not-permitted-notice";
import { mergeLeadersAction } from "@/lib/actions/leaders";
import { roleCan } from "@/lib/auth/roles";
import { getLeaderForEdit } from "@/lib/data/leaders";
import { requireEditor } from "@/lib/data/session";
import { parseId } from "@/lib/validation/id";
import { countOf } from "@/lib/text/plural";

export const metadata: Metadata = { title: "Merge leaders" };

/**
 * Asks before a merge, saying what it will do: which entries move, which names become aliases,
 * and that the other record goes. The leader's page chooses the other record with a GET form,
 * so this page is the confirmation with and without JavaScript.
 */
export default async function MergeLeaderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await params).id;
  const editor = await requireEditor(`/admin/leaders/${raw}/merge`);
  const id = parseId(raw);
  const keep = id ? await getLeaderForEdit(id) : null;
  if (!keep) notFound();
  if (!roleCan(editor.role, "leader:merge")) {
    return (
      <NotPermittedNotice
        title={`Merge into ${keep.name}`}
        role={editor.role}
        permission="leader:merge"
        backHref={`/admin/leaders/${keep.id}`}
      />
    );
  }
  const otherParam = (await searchParams).other;
  const otherId = parseId(Array.isArray(otherParam) ? otherParam[0] : otherParam);
  const other = otherId && otherId !== keep.id ? await getLeaderForEdit(otherId) : null;
  const back = `/admin/leaders/${keep.id}`;
  if (!other) {
    return (
      <div className="max-w-xl space-y-6">
        <h1 className="text-2xl font-bold tracking-tight">Merge into {keep.name}</h1>
        <p>Choose the other record first: that record no longer exists, or none was chosen.</p>
        <p>
          <Link href={`${back}#merge-heading`}>Back to {keep.name}</Link>
        </p>
      </div>
    );
  }
  const keptEvents = new Set(keep.entries.map((e) => e.eventSlug));
  const clashes = other.entries.filter((e) => keptEvents.has(e.eventSlug));
  const names = [other.name, ...other.aliases].filter((n) => n !== keep.name);
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">
        Merge {other.name} ({other.office}, {other.polity}) into {keep.name}?
      </h1>
      {clashes.length > 0 ? (
        <p>
          These records cannot be merged: both have an entry for{" "}
          {clashes.map((e) => e.event).join(", ")}. Delete or move one of the two entries first.
        </p>
      ) : (
        <>
          <ul className="list-disc space-y-1 pl-5">
            <li>
              {other.entries.length === 0
                ? `${other.name} has no entries; none move.`
                : `${countOf(other.entries.length, "entry", "entries")} move to ${keep.name}: ${other.entries.map((e) => e.event).join(", ")}. Each entry's history says so.`}
            </li>
            {names.length > 0 && (
              <li>
                {names.map((n) => `“${n}”`).join(", ")} become{" "}
                {names.length === 1 ? "an alias" : "aliases"} of {keep.name}.
              </li>
            )}
            <li>
              Its Wikidata id and country code fill what {keep.name}&apos;s record lacks; nothing of{" "}
              {keep.name}&apos;s is replaced.
            </li>
            <li>
              The record of {other.name} (#{other.id}) is removed. Both records&apos; histories say
              what was merged.
            </li>
          </ul>
          <MergeForm
            action={mergeLeadersAction.bind(null, keep.id)}
            version={keep.version}
            otherId={other.id}
            submitLabel={`Merge into ${keep.name}`}
          />
        </>
      )}
      <p>
        <Link href={back}>Cancel and go back</Link>
      </p>
    </div>
  );
}
