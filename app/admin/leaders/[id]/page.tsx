import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteForm } from "@/components/admin/delete-form";
import { LeaderForm } from "@/components/admin/leader-form";
import { Flash } from "@/components/ui/form-message";
import { deleteLeaderAction, updateLeaderAction } from "@/lib/actions/leaders";
import { getLeaderForEdit } from "@/lib/data/leaders";
import { requireEditor } from "@/lib/data/session";
import { parseId } from "@/lib/validation/id";

export const metadata: Metadata = { title: "Edit leader" };

export default async function EditLeaderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await params).id;
  await requireEditor(`/admin/leaders/${raw}`);
  const id = parseId(raw);
  const leader = id ? await getLeaderForEdit(id) : null;
  if (!leader) notFound();
  const saved = (await searchParams).saved;
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold tracking-tight">Edit leader: {leader.name}</h1>
      <Flash message={saved ? "Saved. The public pages show the change now." : undefined} />
      <LeaderForm action={updateLeaderAction.bind(null, leader.id)} initial={leader} />
      <section
        aria-labelledby="delete-heading"
        className="max-w-xl space-y-3 border-t border-slate-300 pt-6 dark:border-slate-700"
      >
        <h2 id="delete-heading" className="text-lg font-semibold">
          Delete this leader
        </h2>
        {leader.entries.length > 0 ? (
          <>
            <p>
              {leader.name} cannot be deleted while entries use this leader. Delete or change these
              entries first:
            </p>
            <ul className="list-disc pl-5">
              {leader.entries.map((e) => (
                <li key={e.id}>
                  <Link href={`/admin/entries/${e.id}`}>{e.event}</Link>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <DeleteForm
            action={deleteLeaderAction.bind(null, leader.id)}
            version={leader.version}
            confirmLabel=""
            requireConfirm={false}
            submitLabel={`Delete ${leader.name}`}
          />
        )}
      </section>
    </div>
  );
}
