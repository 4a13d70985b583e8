import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/admin/sign-in-form";
import { Flash } from "@/components/ui/form-message";
import { safeReturnPath } from "@/lib/actions/form-state";
import { getEditor } from "@/lib/data/session";

export const metadata: Metadata = { title: "Sign in", robots: { index: false, follow: false } };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const next = safeReturnPath(params.next);
  if (await getEditor()) redirect(next);
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Sign in</h1>
      <Flash message={params.signedOut ? "You are signed out." : undefined} />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        For editors. Accounts are created by an administrator; there is no public sign-up.
      </p>
      <SignInForm next={next} />
    </div>
  );
}
