"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/auth";
import { withSignInAddress } from "@/lib/auth/sign-in-address";
import { isSiteOrigin, warnWrongAddress, wrongAddressMessage } from "@/lib/auth/site-address";
import { cutText } from "@/lib/text/cut";
import { fieldErrors, type FormState } from "@/lib/validation/errors";
import { signInSchema } from "@/lib/validation/editor";
import { formDataToObject } from "@/lib/validation/form-data";
import { safeReturnPath } from "./form-state";
import { invitationRefusal } from "@/lib/accounts/invitations";
import { acceptInvitation } from "@/lib/data/invitation-accept";
import { acceptInvitationSchema, twoFactorCodeSchema } from "@/lib/validation/account";

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const fields = formDataToObject(formData);
  const values = { email: typeof fields.email === "string" ? cutText(fields.email, 300) : "" };
  const requestHeaders = await headers();
  // Better Auth's own endpoint refuses another origin; the form says why, and how to fix it.
  const origin = requestHeaders.get("origin");
  if (origin && !isSiteOrigin(origin)) {
    warnWrongAddress(origin);
    return { message: wrongAddressMessage(), values };
  }
  const parsed = signInSchema.safeParse({ email: fields.email, password: fields.password });
  if (!parsed.success) {
    return {
      message: "Enter your email address and password.",
      errors: fieldErrors(parsed.error),
      values,
    };
  }
  let secondStep = false;
  try {
    const result = await withSignInAddress(requestHeaders, () =>
      getAuth().api.signInEmail({ body: parsed.data, headers: requestHeaders }),
    );
    secondStep = "twoFactorRedirect" in result && Boolean(result.twoFactorRedirect);
  } catch (error) {
    if (error instanceof APIError) {
      if (
        error.status === "TOO_MANY_REQUESTS" ||
        error.status === "SERVICE_UNAVAILABLE" ||
        error.status === "FORBIDDEN" // a disabled account (the admin plugin's message)
      ) {
        return { message: error.message, values };
      }
      if (error.status === "UNAUTHORIZED" || error.status === "BAD_REQUEST") {
        return {
          message: "That email address and password do not match an editor account.",
          values,
        };
      }
    }
    throw error;
  }
  const next = safeReturnPath(fields.next);
  if (secondStep) redirect(`/sign-in/two-factor?next=${encodeURIComponent(next)}`);
  redirect(next);
}

/**
 * The second step of a sign-in with two-factor on: a code from the authenticator app, or a
 * backup code (each works once). Better Auth's plugin checks it against the challenge its
 * cookie names, allows five tries per challenge, and locks the step after ten failures in a row.
 */
export async function verifyTwoFactorSignInAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const fields = formDataToObject(formData);
  const parsed = twoFactorCodeSchema.safeParse(fields);
  if (!parsed.success) {
    return { message: "Enter the code.", errors: fieldErrors(parsed.error) };
  }
  const requestHeaders = await headers();
  try {
    const body = { code: parsed.data.code };
    if (parsed.data.method === "backup") {
      await getAuth().api.verifyBackupCode({ body, headers: requestHeaders });
    } else {
      await getAuth().api.verifyTOTP({ body, headers: requestHeaders });
    }
  } catch (error) {
    if (error instanceof APIError) return { message: twoFactorRefusal(error) };
    throw error;
  }
  redirect(safeReturnPath(fields.next));
}

function twoFactorRefusal(error: APIError): string {
  const code = (error.body as { code?: string } | undefined)?.code;
  switch (code) {
    case "INVALID_CODE":
      return "That code did not match. Enter the newest code from your authenticator app.";
    case "INVALID_BACKUP_CODE":
      return "That backup code did not match, or it has been used already (each works once).";
    case "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE":
    case "INVALID_TWO_FACTOR_COOKIE":
      return "This sign-in has ended (too many tries, or more than ten minutes). Sign in again with your password.";
    case "ACCOUNT_TEMPORARILY_LOCKED":
      return "Too many wrong codes in a row: two-factor sign-in for this account is locked for 15 minutes.";
    default:
      return error.message;
  }
}

/** Bound: the invitation link's token. Makes the account, then signs the invitee in. */
export async function acceptInvitationAction(
  token: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const fields = formDataToObject(formData);
  const values = { name: typeof fields.name === "string" ? fields.name.slice(0, 200) : "" };
  const parsed = acceptInvitationSchema.safeParse(fields);
  if (!parsed.success) {
    return {
      message: "Some fields need attention; see below.",
      errors: fieldErrors(parsed.error),
      values,
    };
  }
  if (typeof token !== "string" || token.length > 200) {
    return { message: invitationRefusal("unknown"), values };
  }
  const accepted = await acceptInvitation(token, parsed.data);
  if (!accepted.ok) return { message: accepted.message, values };
  const requestHeaders = await headers();
  try {
    await withSignInAddress(requestHeaders, () =>
      getAuth().api.signInEmail({
        body: { email: accepted.email, password: parsed.data.password },
        headers: requestHeaders,
      }),
    );
  } catch (error) {
    if (error instanceof APIError) redirect("/sign-in?joined=1");
    throw error;
  }
  redirect("/admin?joined=1");
}

export async function signOutAction(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/sign-in?signedOut=1");
}
