import type { Metadata } from "next";
import { PasswordConfirmForm, TwoFactorSetupForm } from "@/components/accounts/own-account-forms";
import {
  confirmTwoFactorAction,
  disableTwoFactorAction,
  startTwoFactorAction,
} from "@/lib/actions/account";
import { getOwnAccount } from "@/lib/data/account-own";
import { requireEditor, TWO_FACTOR_SETUP_PATH } from "@/lib/data/session";

export const metadata: Metadata = { title: "Two-factor sign-in" };

export default async function TwoFactorPage() {
  const editor = await requireEditor(TWO_FACTOR_SETUP_PATH);
  const account = await getOwnAccount(editor);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Two-factor sign-in</h1>
      {editor.twoFactorMissing && (
        <p role="note" className="rounded border border-amber-700 p-3">
          This site requires two-factor sign-in. Set it up to go on: until then your account can do
          nothing else.
        </p>
      )}
      {account.twoFactor ? (
        <>
          <p>✓ On: signing in asks for a code from your authenticator app, or a backup code.</p>
          <PasswordConfirmForm
            action={disableTwoFactorAction}
            label="Turn off two-factor sign-in"
            pendingLabel="Turning off…"
          />
        </>
      ) : (
        <>
          <p>
            Signing in will ask for a code from an authenticator app on your phone (such as Google
            Authenticator, Authy or 1Password) as well as your password.
          </p>
          <TwoFactorSetupForm start={startTwoFactorAction} confirm={confirmTwoFactorAction} />
        </>
      )}
    </div>
  );
}
