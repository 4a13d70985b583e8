import type { Metadata } from "next";
import Link from "next/link";
import { ButtonForm } from "@/components/accounts/admin-account-forms";
import { ChangePasswordForm } from "@/components/accounts/own-account-forms";
import { AddPasskeyForm } from "@/components/accounts/passkey-forms";
import { Flash } from "@/components/ui/form-message";
import { changePasswordAction, endSessionAction } from "@/lib/actions/account";
import { addPasskeyAction, deletePasskeyAction, startPasskeyAction } from "@/lib/actions/passkeys";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/auth/roles";
import { getOwnAccount } from "@/lib/data/account-own";
import { listAccountSessions } from "@/lib/data/account-sessions";
import { listOwnPasskeys } from "@/lib/data/passkeys";
import { passkeysPossibleAt } from "@/lib/accounts/passkeys";
import { siteUrl } from "@/lib/env";
import { requireEditor } from "@/lib/data/session";

export const metadata: Metadata = { title: "Your account" };

const SAVED: Record<string, string> = {
  password: "Password changed. Your other sessions have ended.",
  session: "Session ended.",
  "two-factor-on": "Two-factor sign-in is on.",
  "two-factor-off": "Two-factor sign-in is off.",
  "passkey-added": "Passkey added. You can sign in with it now.",
  "passkey-removed": "Passkey removed. It no longer signs in.",
};

const when = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ") + " UTC";

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const editor = await requireEditor("/admin/account");
  const saved = (await searchParams).saved;
  const [account, sessions, passkeys] = await Promise.all([
    getOwnAccount(editor),
    listAccountSessions(editor.id, editor.sessionId ?? null),
    listOwnPasskeys(editor),
  ]);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold tracking-tight">Your account</h1>
      <Flash message={typeof saved === "string" ? SAVED[saved] : undefined} />
      <p>
        {editor.name} &lt;{editor.email}&gt;:{" "}
        {editor.role
          ? `${ROLE_LABELS[editor.role]} (${ROLE_DESCRIPTIONS[editor.role]})`
          : "no role"}
        .
      </p>

      <section aria-labelledby="two-factor-heading" className="space-y-2">
        <h2 id="two-factor-heading" className="text-xl font-semibold">
          Two-factor sign-in
        </h2>
        <p>{account.twoFactor ? "✓ On: signing in asks for a code from your app." : "– Off."}</p>
        <Link href="/admin/account/two-factor">
          {account.twoFactor ? "Turn off two-factor sign-in" : "Set up two-factor sign-in"}
        </Link>
      </section>

      <section aria-labelledby="sessions-heading" className="space-y-3">
        <h2 id="sessions-heading" className="text-xl font-semibold">
          Where you are signed in
        </h2>
        <table className="w-full text-left text-sm">
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">Address</th>
              <th scope="col">Signed in</th>
              <th scope="col">Last seen</th>
              <th scope="col">End</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s, i) => (
              <tr key={s.id} className="border-t border-slate-300 dark:border-slate-700">
                <th scope="row" className="py-2 font-normal">
                  {s.device}
                  {s.current ? " (this session)" : ""}
                </th>
                <td className="py-2">{s.address}</td>
                <td className="py-2">{when(s.signedInAt)}</td>
                <td className="py-2">{when(s.lastSeenAt)}</td>
                <td className="py-2">
                  <ButtonForm
                    action={endSessionAction.bind(null, s.id)}
                    label={s.current ? "End this session (sign out)" : `End session ${i + 1}`}
                    pendingLabel="Ending…"
                    variant="danger"
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="passkeys-heading" className="space-y-3">
        <h2 id="passkeys-heading" className="text-xl font-semibold">
          Passkeys
        </h2>
        <p>
          A passkey signs you in with your device&apos;s PIN, fingerprint or face instead of your
          password and code. It works only on this site&apos;s address.
        </p>
        {passkeys.length === 0 ? (
          <p>– You have no passkeys.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Added</th>
                <th scope="col">Last used</th>
                <th scope="col">Remove</th>
              </tr>
            </thead>
            <tbody>
              {passkeys.map((p) => (
                <tr key={p.id} className="border-t border-slate-300 dark:border-slate-700">
                  <th scope="row" className="py-2 font-normal">
                    {p.name}
                  </th>
                  <td className="py-2">{p.createdAt ? when(p.createdAt) : "–"}</td>
                  <td className="py-2">{p.lastUsedAt ? when(p.lastUsedAt) : "never"}</td>
                  <td className="py-2">
                    <ButtonForm
                      action={deletePasskeyAction.bind(null, p.id)}
                      label={`Remove passkey ${p.name}`}
                      pendingLabel="Removing…"
                      variant="danger"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {passkeysPossibleAt(siteUrl()) ? (
          <AddPasskeyForm start={startPasskeyAction} add={addPasskeyAction} />
        ) : (
          <p role="note">
            Passkeys cannot be added while this site&apos;s address ({siteUrl()}) is an IP address:
            browsers refuse them there. Whoever runs the site can set BETTER_AUTH_URL to a host
            name.
          </p>
        )}
      </section>

      <section aria-labelledby="password-heading" className="space-y-3">
        <h2 id="password-heading" className="text-xl font-semibold">
          Change your password
        </h2>
        <p>Your other sessions end when you change it; this one stays.</p>
        <ChangePasswordForm action={changePasswordAction} />
      </section>
    </div>
  );
}
