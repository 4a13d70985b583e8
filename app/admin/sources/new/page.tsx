import type { Metadata } from "next";
import { NotPermittedNotice } from "@/components/admin/not-permitted-notice";
import { SourceForm } from "@/components/admin/source-form";
import { createSourceAction } from "@/lib/actions/sources";
import { roleCan } from "@/lib/auth/roles";
import { requireEditor } from "@/lib/data/session";

export const metadata: Metadata = { title: "New source" };

export default async function NewSourcePage() {
  const editor = await requireEditor("/admin/sources/new");
  if (!roleCan(editor.role, "source:edit")) {
    return (
      <NotPermittedNotice
        title="New source"
        role={editor.role}
        permission="source:edit"
        backHref="/admin/sources"
      />
    );
  }
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
