"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getAuth } from "@/lib/auth/auth";
import { totpSetup, type TotpSetup } from "@/lib/accounts/totp-setup";
import { withSignInAddress } from "@/lib/auth/sign-in-address";
import { endAccountSession, recordOwnAccountChange } from "@/lib/data/account-own";
import { getEditor, SIGNED_OUT_MESSAGE } from "@/lib/data/session";
import {
  accountIdSchema,
  changePasswordSchema,
  passwordConfirmSchema,
  twoFactorCodeSchema,
} from "@/lib/validation/account";
import { fieldErrors, type FormState } from "@/lib/validation/errors";
import { formDataToObject } from "@/lib/validation/form-data";
import { failureState, readForm } from "./form-state";

const ACCOUNT_PAGE = "/admin/account";

/**
 * Calls Better Auth for this request with its client's address known, as a sign-in is: a
 * password it checks waits in the hashing queue (lib/auth/hashing-queue.ts) as that address's.
 */
async function withAuth<T>(call: (requestHeaders: Headers) => Promise<T>): Promise<T> {
  const requestHeaders = await headers();
  return withSignInAddress(requestHeaders, () => call(requestHeaders));
}

/** Better Auth's refusal as the form says it; anything else is the server's failure. */
function authFailure(error: unknown, wrongPassword: string): FormState {
  if (error instanceof APIError) {
    if (error.status === "SERVICE_UNAVAILABLE" || error.status === "TOO_MANY_REQUESTS") {
      return { message: error.message };
    }
    if (error.status === "BAD_REQUEST" || error.status === "UNAUTHORIZED") {
      return { message: wrongPassword };
    }
  }
  throw error;
}

/** Changes the password (the current one is required) and ends every other session. */
export async function changePasswordAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, changePasswordSchema);
  if (!form.ok) return { ...form.state, values: {} };
  try {
    await withAuth((requestHeaders) =>
      getAuth().api.changePassword({
        body: {
          currentPassword: form.data.currentPassword,
          newPassword: form.data.newPassword,
          revokeOtherSessions: true,
        },
        headers: requestHeaders,
      }),
    );
  } catch (error) {
    return authFailure(error, "That is not your current password. Nothing was changed.");
  }
  await recordOwnAccountChange(form.editor, "password-changed", "other sessions ended");
  redirect(`${ACCOUNT_PAGE}?saved=password`);
}

/** Bound: the session's id. */
export async function endSessionAction(
  sessionId: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, z.object({}));
  if (!form.ok) return form.state;
  const id = accountIdSchema.safeParse(sessionId);
  if (!id.success) return { message: "This session does not exist." };

  const result = await endAccountSession(form.editor, id.data);
  if (!result.ok) return failureState(result, {});
  if (id.data === form.editor.sessionId) redirect("/sign-in?signedOut=1");
  redirect(`${ACCOUNT_PAGE}?saved=session`);
}

export type TwoFactorSetupState = FormState & { setup?: TotpSetup };

/** Step one of two-factor set-up: the password, then the secret (QR code) and backup codes. */
export async function startTwoFactorAction(
  _previous: TwoFactorSetupState,
  formData: FormData,
): Promise<TwoFactorSetupState> {
  const form = await readForm(formData, passwordConfirmSchema);
  if (!form.ok) return { ...form.state, values: {} };
  try {
    const started = await withAuth((requestHeaders) =>
      getAuth().api.enableTwoFactor({
        body: { password: form.data.password },
        headers: requestHeaders,
      }),
    );
    if (!("totpURI" in started) || !started.totpURI)
      throw new Error("No TOTP URI from Better Auth");
    return { setup: await totpSetup(started.totpURI, started.backupCodes ?? []) };
  } catch (error) {
    return authFailure(error, "That is not your password. Two-factor sign-in was not set up.");
  }
}

/** Step two: a code from the app proves it was set up; only then is two-factor sign-in on. */
export async function confirmTwoFactorAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = formDataToObject(formData);
  const editor = await getEditor();
  if (!editor) return { message: SIGNED_OUT_MESSAGE };
  const parsed = twoFactorCodeSchema.safeParse(values);
  if (!parsed.success) {
    return { message: "Enter the 6-digit code.", errors: fieldErrors(parsed.error) };
  }
  try {
    await getAuth().api.verifyTOTP({ body: { code: parsed.data.code }, headers: await headers() });
  } catch (error) {
    return authFailure(
      error,
      "That code did not match. Check the time on your phone, and enter the newest code.",
    );
  }
  await recordOwnAccountChange(editor, "two-factor-on");
  redirect(`${ACCOUNT_PAGE}?saved=two-factor-on`);
}

export async function disableTwoFactorAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, passwordConfirmSchema);
  if (!form.ok) return { ...form.state, values: {} };
  try {
    await withAuth((requestHeaders) =>
      getAuth().api.disableTwoFactor({
        body: { password: form.data.password },
        headers: requestHeaders,
      }),
    );
  } catch (error) {
    return authFailure(error, "That is not your password. Two-factor sign-in is still on.");
  }
  await recordOwnAccountChange(form.editor, "two-factor-off");
  redirect(`${ACCOUNT_PAGE}?saved=two-factor-off`);
}
