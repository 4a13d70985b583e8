"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import {
  inviteAccount,
  revokeInvitation,
  setAccountDisabled,
  setAccountRole,
  setTwoFactorRequired,
} from "@/lib/data/accounts-admin";
import { siteUrl, smtpSettings } from "@/lib/env";
import { invitationMessage, smtpMailer } from "@/lib/mail/mailer";
import {
  accountIdSchema,
  inviteSchema,
  requireTwoFactorSchema,
  setRoleSchema,
} from "@/lib/validation/account";
import type { FormState } from "@/lib/validation/errors";
import { failureState, readForm } from "./form-state";

/** The invite form's state: on success, the link to pass on (shown once). */
export type InviteState = FormState & { link?: string; sent?: boolean; email?: string };

const ACCOUNTS_PAGE = "/admin/accounts";

export async function inviteAccountAction(
  _previous: InviteState,
  formData: FormData,
): Promise<InviteState> {
  const form = await readForm(formData, inviteSchema);
  if (!form.ok) return form.state;

  const result = await inviteAccount(form.editor, form.data);
  if (!result.ok) return failureState(result, form.values);

  const link = `${siteUrl()}${result.path}`;
  let sent = false;
  const smtp = smtpSettings();
  if (smtp) {
    try {
      await smtpMailer(smtp).send(
        invitationMessage({
          to: result.email,
          link,
          role: form.data.role,
          invitedBy: form.editor.name,
          expiresAt: result.expiresAt,
        }),
      );
      sent = true;
    } catch (error) {
      console.error("Sending an invitation failed:", error);
    }
  }
  revalidatePath(ACCOUNTS_PAGE);
  return { ok: true, link, sent, email: result.email };
}

/** Bound: the invitation's id. */
export async function revokeInvitationAction(
  id: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, z.object({}));
  if (!form.ok) return form.state;
  const invitation = z.coerce.number().int().positive().safeParse(id);
  if (!invitation.success) return { message: "This invitation does not exist." };

  const result = await revokeInvitation(form.editor, invitation.data);
  if (!result.ok) return failureState(result, {});
  redirect(`${ACCOUNTS_PAGE}?saved=revoked`);
}

/** Bound: the account's id. */
export async function setAccountRoleAction(
  userId: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, setRoleSchema);
  if (!form.ok) return form.state;
  const id = accountIdSchema.safeParse(userId);
  if (!id.success) return { message: "This account does not exist." };

  const result = await setAccountRole(form.editor, id.data, form.data.role);
  if (!result.ok) return failureState(result, form.values);
  redirect(`${ACCOUNTS_PAGE}?saved=role`);
}

/** Bound: the account's id, then whether to disable (true) or enable it. */
export async function setAccountDisabledAction(
  userId: unknown,
  disabled: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, z.object({}));
  if (!form.ok) return form.state;
  const id = accountIdSchema.safeParse(userId);
  if (!id.success || typeof disabled !== "boolean")
    return { message: "This account does not exist." };

  const result = await setAccountDisabled(form.editor, id.data, disabled);
  if (!result.ok) return failureState(result, {});
  redirect(`${ACCOUNTS_PAGE}?saved=${disabled ? "disabled" : "enabled"}`);
}

export async function setTwoFactorRequiredAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, requireTwoFactorSchema);
  if (!form.ok) return form.state;

  const result = await setTwoFactorRequired(form.editor, form.data.require === "yes");
  if (!result.ok) return failureState(result, form.values);
  redirect(`${ACCOUNTS_PAGE}?saved=policy`);
}
