import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ButtonForm, InviteForm, RoleForm } from "@/components/accounts/admin-account-forms";
import { Flash } from "@/components/ui/form-message";
import {
  inviteAccountAction,
  revokeInvitationAction,
  setAccountDisabledAction,
  setAccountRoleAction,
  setTwoFactorRequiredAction,
} from "@/lib/actions/accounts";
import { roleCan } from "@/lib/auth/roles";
import { twoFactorRequired } from "@/lib/data/account-sessions";
import { listAccounts, listInvitations } from "@/lib/data/accounts";
import { roleLabel } from "@/lib/data/accounts-admin";
import { requireEditor } from "@/lib/data/session";

export const metadata: Metadata = { title: "Accounts" };

const SAVED: Record<string, string> = {
  revoked: "Invitation withdrawn: its link no longer works.",
  role: "Role changed.",
  disabled: "Account disabled: its sessions have ended and it cannot sign in.",
  enabled: "Account enabled: it can sign in again.",
  policy: "Saved the two-factor rule.",
};

const when = (d: Date | null) =>
  d ? d.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "never";

export default async function AccountsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const editor = await requireEditor("/admin/accounts");
  if (!roleCan(editor.role, "account:manage")) notFound();
  const saved = (await searchParams).saved;
  const [accounts, invitations, required] = await Promise.all([
    listAccounts(),
    listInvitations(),
    twoFactorRequired(),
  ]);
  const pending = invitations.filter((i) => i.state === "pending");
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Accounts</h1>
        <Link href="/admin/accounts/record">Record of account changes</Link>
      </div>
      <Flash message={typeof saved === "string" ? SAVED[saved] : undefined} />

      <section aria-labelledby="accounts-heading" className="space-y-3">
        <h2 id="accounts-heading" className="text-xl font-semibold">
          Accounts
        </h2>
        <table className="w-full text-left text-sm">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Two-factor</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id} className="border-t border-slate-300 align-top dark:border-slate-700">
                <th scope="row" className="py-2 font-normal">
                  <span className="font-medium">{a.name}</span>
                  <br />
                  {a.email}
                </th>
                <td className="py-2">{roleLabel(a.role)}</td>
                <td className="py-2">{a.disabled ? "✕ Disabled" : "✓ Enabled"}</td>
                <td className="py-2">{a.twoFactor ? "✓ On" : "– Off"}</td>
                <td className="py-2">{when(a.lastSignInAt)}</td>
                <td className="space-y-2 py-2">
                  <RoleForm
                    action={setAccountRoleAction.bind(null, a.id)}
                    role={a.role}
                    name={a.name}
                  />
                  <ButtonForm
                    action={setAccountDisabledAction.bind(null, a.id, !a.disabled)}
                    label={a.disabled ? `Enable ${a.name}` : `Disable ${a.name}`}
                    pendingLabel={a.disabled ? "Enabling…" : "Disabling…"}
                    variant={a.disabled ? "primary" : "danger"}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="invite-heading" className="space-y-3">
        <h2 id="invite-heading" className="text-xl font-semibold">
          Invite someone
        </h2>
        <p className="text-sm">
          An admin manages accounts and can do everything. An editor edits entries, leaders, sources
          and events, but cannot delete events or sources, merge leaders or manage accounts. A
          reviewer works the review queue only.
        </p>
        <InviteForm action={inviteAccountAction} />
      </section>

      <section aria-labelledby="invitations-heading" className="space-y-3">
        <h2 id="invitations-heading" className="text-xl font-semibold">
          Invitations not yet used
        </h2>
        {pending.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul className="space-y-3">
            {pending.map((i) => (
              <li key={i.id} className="space-y-1">
                <p>
                  {i.email}, as {roleLabel(i.role).toLowerCase()}, invited by {i.invitedBy}; expires{" "}
                  {when(i.expiresAt)}
                </p>
                <ButtonForm
                  action={revokeInvitationAction.bind(null, i.id)}
                  label={`Withdraw the invitation of ${i.email}`}
                  pendingLabel="Withdrawing…"
                  variant="danger"
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="policy-heading" className="space-y-3">
        <h2 id="policy-heading" className="text-xl font-semibold">
          Two-factor sign-in
        </h2>
        <p>
          {required
            ? "Required of every account: an account without it is led to set it up, and can do nothing else until it has."
            : "Each account chooses. When required, an account without it is led to set it up at its next sign-in."}
        </p>
        <ButtonForm
          action={setTwoFactorRequiredAction}
          fields={{ require: required ? "no" : "yes" }}
          label={required ? "Stop requiring two-factor sign-in" : "Require two-factor sign-in"}
          pendingLabel="Saving…"
        />
      </section>
    </div>
  );
}
