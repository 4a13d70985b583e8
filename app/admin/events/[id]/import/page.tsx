import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportForms } from "@/components/admin/import-forms";
import { NotPermittedNotice } from "@/components/admin/not-permitted-notice";
import { Flash } from "@/components/ui/form-message";
import { formatDayRange } from "@/components/format";
import { applyImportAction, previewImportAction } from "@/lib/actions/import";
import { roleCan } from "@/lib/auth/roles";
import { getEventForEdit } from "@/lib/data/events-admin";
import { requireEditor } from "@/lib/data/session";
import { parseId } from "@/lib/validation/id";
import { countOf } from "@/lib/text/plural";

export const metadata: Metadata = { title: "Import from a spreadsheet" };

const count = (value: unknown) => {
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
};

export default async function ImportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await params).id;
  const editor = await requireEditor(`/admin/events/${raw}/import`);
  const id = parseId(raw);
  const event = id ? await getEventForEdit(id) : null;
  if (!event) notFound();
  if (!roleCan(editor.role, "entry:edit"))
    return (
      <NotPermittedNotice
        title="Import from a spreadsheet"
        role={editor.role}
        permission="entry:edit"
        backHref={`/admin/events/${event.id}`}
      />
    );
  const query = await searchParams;
  const added = count(query.added);
  const skipped = count(query.skipped) ?? 0;
  const leaders = count(query.leaders) ?? 0;
  const flash =
    added === null
      ? undefined
      : `Imported: ${countOf(added, "step")} added${leaders ? `, ${countOf(leaders, "new leader")}` : ""}${skipped ? `, ${skipped} already recorded` : ""}. The public pages show them now.`;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight">Import from a spreadsheet</h1>
        <p className="text-slate-700 dark:text-slate-300">
          Into <Link href={`/admin/events/${event.id}`}>{event.name}</Link> (
          {formatDayRange(event.date, event.endDate)})
        </p>
      </div>
      <Flash message={flash} />
      <ImportForms
        preview={previewImportAction.bind(null, event.id)}
        apply={applyImportAction.bind(null, event.id)}
      />
      <section aria-labelledby="format-heading" className="max-w-3xl space-y-2 text-sm">
        <h2 id="format-heading" className="text-lg font-semibold">
          The import format
        </h2>
        <p>
          One claim per row, with a header line naming the columns: <code>leader</code>,{" "}
          <code>country</code>, <code>office</code>, <code>status</code>, <code>as_of</code>,{" "}
          <code>source</code> (the source&apos;s address or its id), <code>quote</code>, and
          optionally <code>note</code> and <code>country_code</code> (a new leader&apos;s two-letter
          ISO code; without it, the code the country&apos;s English name gives). Rollcall&apos;s own
          long CSV export is read as it is. Statuses: confirmed, reported, declined, or after the
          event attended, partly attended, did not attend. Dates as YYYY-MM-DD. The source must be
          stored already, and the quote must be its words. UTF-8 or UTF-16 (Excel&apos;s
          &ldquo;Unicode text&rdquo;), with commas, semicolons or tabs; up to 10 MB and 20,000 rows.
          An example is <code>docs/import-example.csv</code> in Rollcall&apos;s repository.
        </p>
      </section>
    </div>
  );
}
