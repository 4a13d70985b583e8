import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/admin/sign-in-form";
import { PasskeySignInForm } from "@/components/accounts/passkey-forms";
import { Flash } from "@/components/ui/form-message";
import { safeReturnPath } from "@/lib/actions/form-state";
import { passkeySignInAction, startPasskeySignInAction } from "@/lib/actions/passkeys";
import { isSiteHost, warnWrongAddress } from "@/lib/auth/site-address";
import { passkeysPossibleAt } from "@/lib/accounts/passkeys";
import { getEditor } from "@/lib/data/session";
import { siteUrl } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in", robots: { index: false, follow: false } };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const next = safeReturnPath(params.next);
  if (await getEditor()) redirect(next);
  // The host the reader typed, as Next compares it with a form's Origin (a proxy in front
  // passes it on as Host or X-Forwarded-Host).
  const requestHeaders = await headers();
  const host =
    requestHeaders.get("x-forwarded-host")?.split(",")[0]?.trim() || requestHeaders.get("host");
  const wrongAddress = !isSiteHost(host);
  if (wrongAddress) warnWrongAddress(`the host ${host}`);
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Sign in</h1>
      <Flash message={params.signedOut ? "You are signed out." : undefined} />
      {wrongAddress && (
        <p
          role="note"
          className="rounded border border-amber-700 bg-amber-50 p-3 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50"
        >
          Sign-in works only at this site&apos;s address,{" "}
          <a href={`${siteUrl()}/sign-in`} className="font-medium underline">
            {siteUrl()}
          </a>
          . Open it there, or ask whoever runs the site to set BETTER_AUTH_URL to the address
          editors use.
        </p>
      )}
      <p className="text-sm text-slate-600 dark:text-slate-400">
        For editors. Accounts are created by an administrator; there is no public sign-up.
      </p>
      <SignInForm next={next} />
      {passkeysPossibleAt(siteUrl()) && (
        <section aria-labelledby="passkey-heading" className="space-y-2">
          <h2 id="passkey-heading" className="text-lg font-semibold">
            Sign in with a passkey
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            If you added one under Your account, this device can sign you in with it.
          </p>
          <PasskeySignInForm
            start={startPasskeySignInAction}
            signIn={passkeySignInAction}
            next={next}
          />
        </section>
      )}
    </div>
  );
}
