import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SourceForm } from "@/components/admin/source-form";
import { Flash } from "@/components/ui/form-message";
import { updateSourceAction } from "@/lib/actions/sources";
import { requireEditor } from "@/lib/data/session";
import { getSourceForEdit } from "@/lib/data/sources-admin";
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
  await requireEditor(`/admin/sources/${raw}`);
  const id = parseId(raw);
  const source = id ? await getSourceForEdit(id) : null;
  if (!source) notFound();
  const saved = (await searchParams).saved;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Edit source</h1>
        <Link href={`/sources/${source.id}`}>View public page</Link>
      </div>
      <Flash
        message={
          saved === "created"
            ? "Source created."
            : saved
              ? "Saved. The public pages show the change now."
              : undefined
        }
      />
      <SourceForm
        action={updateSourceAction.bind(null, source.id)}
        initial={source}
        submitLabel="Save source"
      />
    </div>
  );
}
