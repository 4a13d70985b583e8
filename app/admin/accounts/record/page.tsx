import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { roleCan } from "@/lib/auth/roles";
import { listAccountEvents } from "@/lib/data/accounts";
import { requireEditor } from "@/lib/data/session";

export const metadata: Metadata = { title: "Record of account changes" };

const KINDS: Record<string, string> = {
  invited: "Invited",
  "invitation-revoked": "Invitation withdrawn",
  joined: "Joined",
  "role-changed": "Role changed",
  disabled: "Disabled",
  enabled: "Enabled",
  "two-factor-on": "Two-factor on",
  "two-factor-off": "Two-factor off",
  "two-factor-required": "Two-factor rule",
  "password-changed": "Password changed",
  "passkey-added": "Passkey added",
  "passkey-removed": "Passkey removed",
};

/** For admins only; account changes never appear on the public /changes. */
export default async function AccountRecordPage() {
  const editor = await requireEditor("/admin/accounts/record");
  if (!roleCan(editor.role, "account:manage")) notFound();
  const events = await listAccountEvents();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Record of account changes</h1>
      <table className="w-full text-left text-sm">
        <thead>
          <tr>
            <th scope="col">When (UTC)</th>
            <th scope="col">Change</th>
            <th scope="col">Account</th>
            <th scope="col">By</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} className="border-t border-slate-300 dark:border-slate-700">
              <td className="py-1">{e.createdAt.toISOString().slice(0, 19).replace("T", " ")}</td>
              <td className="py-1">{KINDS[e.kind] ?? e.kind}</td>
              <td className="py-1">{e.subjectName}</td>
              <td className="py-1">{e.actorName}</td>
              <td className="py-1">{e.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
