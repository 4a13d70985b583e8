import type { Metadata } from "next";
import Link from "next/link";
import { inputClass } from "@/components/ui/field";
import { ReadOnlyNotice } from "@/components/admin/read-only-notice";
import { Flash } from "@/components/ui/form-message";
import { listLeadersAdmin } from "@/lib/data/leaders";
import { roleCan } from "@/lib/auth/roles";
import { requireEditor } from "@/lib/data/session";
import { countOf } from "@/lib/text/plural";

export const metadata: Metadata = { title: "Leaders" };

export default async function LeadersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const editor = await requireEditor("/admin/leaders");
  const canEdit = roleCan(editor.role, "leader:edit");
  const params = await searchParams;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(String(params.page ?? "1"), 10) || 1));
  const q = (Array.isArray(params.q) ? params.q[0] : params.q)?.trim().slice(0, 200) || undefined;
  const { rows, hasMore } = await listLeadersAdmin(page, 100, q);
  const pageHref = (n: number) =>
    `/admin/leaders?${new URLSearchParams({ ...(q ? { q } : {}), page: String(n) })}`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Leaders</h1>
        {canEdit && (
          <Link
            href="/admin/leaders/new"
            className="rounded bg-blue-800 px-4 py-2 font-medium text-white no-underline hover:bg-blue-900 dark:bg-blue-300 dark:text-slate-950"
          >
            New leader
          </Link>
        )}
      </div>
      {!canEdit && <ReadOnlyNotice role={editor.role} />}
      <Flash message={params.deleted ? "The leader was deleted." : undefined} />
      <form method="get" role="search" aria-label="Search leaders" className="flex max-w-xl gap-2">
        <label htmlFor="leaders-q" className="sr-only">
          Search by name, alias, office or country
        </label>
        <input
          id="leaders-q"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="Name, alias, office or country"
          className={inputClass}
        />
        <button type="submit" className="mt-1 rounded border border-slate-500 px-3 py-1.5">
          Search
        </button>
      </form>
      {rows.length === 0 && <p>{q ? `No leader matches “${q}”.` : "No leaders yet."}</p>}
      <ul className="divide-y divide-slate-200 dark:divide-slate-800">
        {rows.map((l) => (
          <li key={l.id} className="flex flex-wrap justify-between gap-2 py-2">
            <span>
              <Link href={`/admin/leaders/${l.id}`} className="font-semibold">
                {l.name}
              </Link>{" "}
              <span className="text-slate-600 dark:text-slate-400">
                {l.office}, {l.polity} {l.countryCode && `(${l.countryCode})`}
              </span>
            </span>
            <span className="text-sm">{countOf(l.entryCount, "entry", "entries")}</span>
          </li>
        ))}
      </ul>
      <nav aria-label="Pages" className="flex gap-4">
        {page > 1 && <Link href={pageHref(page - 1)}>← Previous</Link>}
        {hasMore && <Link href={pageHref(page + 1)}>Next →</Link>}
      </nav>
    </div>
  );
}
