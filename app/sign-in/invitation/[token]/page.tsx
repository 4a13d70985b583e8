import type { Metadata } from "next";
import { connection } from "next/server";
import { AcceptInvitationForm } from "@/components/accounts/sign-in-forms";
import { invitationRefusal, invitationTokenHash } from "@/lib/accounts/invitations";
import { acceptInvitationAction } from "@/lib/actions/auth";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/auth/roles";
import { getInvitationByTokenHash } from "@/lib/data/accounts";

export const metadata: Metadata = {
  title: "Join Rollcall",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const invitation =
    token.length <= 200 ? await getInvitationByTokenHash(invitationTokenHash(token)) : null;
  const refusal = !invitation
    ? invitationRefusal("unknown")
    : invitation.state !== "pending"
      ? invitationRefusal(invitation.state)
      : null;
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Join Rollcall</h1>
      {refusal || !invitation?.role ? (
        <p role="alert" className="rounded border border-red-700 p-3">
          {refusal ?? invitationRefusal("unknown")}
        </p>
      ) : (
        <>
          <p>
            You are invited as {ROLE_LABELS[invitation.role].toLowerCase()} (
            {ROLE_DESCRIPTIONS[invitation.role]}).
          </p>
          <AcceptInvitationForm
            action={acceptInvitationAction.bind(null, token)}
            email={invitation.email}
          />
        </>
      )}
    </div>
  );
}
