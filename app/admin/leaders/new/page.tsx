import type { Metadata } from "next";
import { LeaderForm } from "@/components/admin/leader-form";
import { NotPermittedNotice } from "@/components/admin/not-permitted-notice";
import { createLeaderAction } from "@/lib/actions/leaders";
import { roleCan } from "@/lib/auth/roles";
import { requireEditor } from "@/lib/data/session";

export const metadata: Metadata = { title: "New leader" };

export default async function NewLeaderPage() {
  const editor = await requireEditor("/admin/leaders/new");
  if (!roleCan(editor.role, "leader:edit")) {
    return (
      <NotPermittedNotice
        title="New leader"
        role={editor.role}
        permission="leader:edit"
        backHref="/admin/leaders"
      />
    );
  }
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">New leader</h1>
      <LeaderForm
        action={createLeaderAction}
        initial={{
          name: "",
          office: "",
          polity: "",
          countryCode: null,
          aliases: [],
          wikidataId: null,
        }}
        submitLabel="Create leader"
      />
    </div>
  );
}
