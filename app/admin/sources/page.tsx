import type { Metadata } from "next";
import Link from "next/link";
import { ReadOnlyNotice } from "@/components/admin/read-only-notice";
import { Flash } from "@/components/ui/form-message";
import { roleCan } from "@/lib/auth/roles";
import { requireEditor } from "@/lib/data/session";
import { listSourcesAdmin } from "@/lib/data/sources-admin";
import { countOf } from "@/lib/text/plural";

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const editor = await requireEditor("/admin/sources");
  const canEdit = roleCan(editor.role, "source:edit");
  const params = await searchParams;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(String(params.page ?? "1"), 10) || 1));
  const { rows, hasMore } = await listSourcesAdmin(page);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Sources</h1>
        {canEdit && (
          <Link
            href="/admin/sources/new"
            className="rounded bg-blue-800 px-4 py-2 font-medium text-white no-underline hover:bg-blue-900 dark:bg-blue-300 dark:text-slate-950"
          >
            New source
          </Link>
        )}
      </div>
      {!canEdit && <ReadOnlyNotice role={editor.role} />}
      <Flash message={params.deleted ? "The source was deleted." : undefined} />
      <ul className="divide-y divide-slate-200 dark:divide-slate-800">
        {rows.map((s) => (
          <li key={s.id} className="py-2">
            <Link href={`/admin/sources/${s.id}`} className="font-semibold">
              {s.title}
            </Link>
            <div className="text-sm text-slate-600 dark:text-slate-400">
              {s.publisher} · {s.publishedOn ?? "date unknown"} ·{" "}
              {countOf(s.citationCount, "citation")} ·{" "}
              <Link href={`/sources/${s.id}`}>public page</Link>
            </div>
          </li>
        ))}
      </ul>
      <nav aria-label="Pages" className="flex gap-4">
        {page > 1 && <Link href={`/admin/sources?page=${page - 1}`}>← Previous</Link>}
        {hasMore && <Link href={`/admin/sources?page=${page + 1}`}>Next →</Link>}
      </nav>
    </div>
  );
}
