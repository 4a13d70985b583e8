import type { Metadata } from "next";
import { SourceForm } from "@/components/admin/source-form";
import { createSourceAction } from "@/lib/actions/sources";
import { requireEditor } from "@/lib/data/session";

export const metadata: Metadata = { title: "New source" };

export default async function NewSourcePage() {
  await requireEditor("/admin/sources/new");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">New source</h1>
      <SourceForm
        action={createSourceAction}
        initial={{
          title: "",
          publisher: "",
          url: "",
          publishedOn: null,
          dateNote: "",
          language: "",
          text: "",
        }}
        submitLabel="Create source"
      />
    </div>
  );
}
