import type { Metadata } from "next";
import { LeaderForm } from "@/components/admin/leader-form";
import { createLeaderAction } from "@/lib/actions/leaders";
import { requireEditor } from "@/lib/data/session";

export const metadata: Metadata = { title: "New leader" };

export default async function NewLeaderPage() {
  await requireEditor("/admin/leaders/new");
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
