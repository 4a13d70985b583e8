import type { Metadata } from "next";
import Link from "next/link";
import { Flash } from "@/components/ui/form-message";
import { listLeadersAdmin } from "@/lib/data/leaders";
import { requireEditor } from "@/lib/data/session";
import { countOf } from "@/lib/text/plural";

export const metadata: Metadata = { title: "Leaders" };

export default async function LeadersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireEditor("/admin/leaders");
  const params = await searchParams;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(String(params.page ?? "1"), 10) || 1));
  const { rows, hasMore } = await listLeadersAdmin(page);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Leaders</h1>
      <Flash message={params.deleted ? "The leader was deleted." : undefined} />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        New leaders are created from the entry form.
      </p>
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
        {page > 1 && <Link href={`/admin/leaders?page=${page - 1}`}>← Previous</Link>}
        {hasMore && <Link href={`/admin/leaders?page=${page + 1}`}>Next →</Link>}
      </nav>
    </div>
  );
}
