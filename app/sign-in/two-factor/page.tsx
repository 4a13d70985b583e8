import type { Metadata } from "next";
import { TwoFactorSignInForm } from "@/components/accounts/sign-in-forms";
import { safeReturnPath } from "@/lib/actions/form-state";
import { verifyTwoFactorSignInAction } from "@/lib/actions/auth";

export const metadata: Metadata = {
  title: "Two-factor sign-in",
  robots: { index: false, follow: false },
};

export default async function TwoFactorSignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = safeReturnPath((await searchParams).next);
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Two-factor sign-in</h1>
      <p>Your password was right. Now enter the code your authenticator app shows.</p>
      <TwoFactorSignInForm action={verifyTwoFactorSignInAction} next={next} />
    </div>
  );
}
