"use server";

import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { addPasskeyRefusal, passkeySignInRefusal } from "@/lib/accounts/passkeys";
import { getAuth } from "@/lib/auth/auth";
import { withSignInAddress } from "@/lib/auth/sign-in-address";
import { isSiteOrigin, warnWrongAddress, wrongAddressMessage } from "@/lib/auth/site-address";
import { recordOwnAccountChange } from "@/lib/data/account-own";
import { deleteOwnPasskey, pruneExpiredChallenges } from "@/lib/data/passkeys";
import {
  accountIdSchema,
  addPasskeySchema,
  passkeySignInSchema,
  startPasskeySchema,
} from "@/lib/validation/account";
import type { FormState } from "@/lib/validation/errors";
import { formDataToObject } from "@/lib/validation/form-data";
import { failureState, readForm, safeReturnPath } from "./form-state";

/**
 * Passkeys through Better Auth's passkey plugin, called here rather than over /api/auth (none
 * of its endpoints is forwarded): each ceremony is two calls with the browser's WebAuthn
 * prompt between them, and the plugin's signed cookie carries the challenge from one to the
 * other (nextCookies sets it from an action).
 */

const ACCOUNT_PAGE = "/admin/account";

const errorCode = (error: APIError) => (error.body as { code?: string } | undefined)?.code;

const nameOnly = (values: Record<string, unknown> | undefined) => ({
  name: typeof values?.name === "string" ? values.name.slice(0, 200) : "",
});

export type StartPasskeyState = FormState & { options?: PublicKeyCredentialCreationOptionsJSON };

/**
 * Step one of adding a passkey: the account's password (a session alone, which may be a
 * stolen cookie, cannot add a way in that outlives a password change), then the options the
 * browser makes the passkey with.
 */
export async function startPasskeyAction(
  _previous: StartPasskeyState,
  formData: FormData,
): Promise<StartPasskeyState> {
  const form = await readForm(formData, startPasskeySchema);
  if (!form.ok) return { ...form.state, values: nameOnly(form.state.values) };
  const values = { name: form.data.name };
  const requestHeaders = await headers();
  try {
    const options = await withSignInAddress(requestHeaders, async () => {
      await getAuth().api.verifyPassword({
        body: { password: form.data.password },
        headers: requestHeaders,
      });
      return getAuth().api.generatePasskeyRegistrationOptions({ headers: requestHeaders });
    });
    return { ok: true, options, values };
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    if (error.status === "SERVICE_UNAVAILABLE" || error.status === "TOO_MANY_REQUESTS") {
      return { message: error.message, values };
    }
    if (errorCode(error) === "INVALID_PASSWORD") {
      return {
        message: "That is not your password. No passkey was added.",
        errors: { password: ["Enter your current password."] },
        values,
      };
    }
    return { message: addPasskeyRefusal(errorCode(error)), values };
  }
}

/** Step two: the passkey the browser made, checked by the plugin, saved and recorded. */
export async function addPasskeyAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, addPasskeySchema);
  if (!form.ok) return { ...form.state, values: nameOnly(form.state.values) };
  try {
    await getAuth().api.verifyPasskeyRegistration({
      body: { response: form.data.response, name: form.data.name },
      headers: await headers(),
    });
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    return { message: addPasskeyRefusal(errorCode(error)), values: { name: form.data.name } };
  }
  await recordOwnAccountChange(form.editor, "passkey-added", form.data.name);
  redirect(`${ACCOUNT_PAGE}?saved=passkey-added`);
}

/** Bound: the passkey's id. */
export async function deletePasskeyAction(
  passkeyId: unknown,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const form = await readForm(formData, z.object({}));
  if (!form.ok) return form.state;
  const id = accountIdSchema.safeParse(passkeyId);
  if (!id.success) return { message: "This passkey does not exist." };
  const result = await deleteOwnPasskey(form.editor, id.data);
  if (!result.ok) return failureState(result, {});
  redirect(`${ACCOUNT_PAGE}?saved=passkey-removed`);
}

export type PasskeySignInState = FormState & { options?: PublicKeyCredentialRequestOptionsJSON };

/** The sign-in form's refusal of a request from another address, as signInAction says it. */
async function wrongAddress(): Promise<{ requestHeaders: Headers; refusal?: FormState }> {
  const requestHeaders = await headers();
  const origin = requestHeaders.get("origin");
  if (origin && !isSiteOrigin(origin)) {
    warnWrongAddress(origin);
    return { requestHeaders, refusal: { message: wrongAddressMessage() } };
  }
  return { requestHeaders };
}

/**
 * Step one of a passkey sign-in: a challenge for the browser to sign, good for five minutes.
 * Anyone may ask for one, so each request also removes the challenges that have expired, which
 * keeps what such requests can store bounded. It reads no form (the challenge is for whichever
 * passkey the browser offers), so it takes no arguments; a form's state and fields are ignored.
 */
export async function startPasskeySignInAction(): Promise<PasskeySignInState> {
  const { requestHeaders, refusal } = await wrongAddress();
  if (refusal) return refusal;
  await pruneExpiredChallenges();
  const options = await getAuth().api.generatePasskeyAuthenticationOptions({
    headers: requestHeaders,
  });
  return { ok: true, options };
}

/**
 * Step two: the signed challenge. The plugin finds the passkey and checks the signature; the
 * session it opens goes through the admin plugin's refusal of a disabled account. No code from
 * the authenticator app is asked: a passkey that verified its user (required, lib/auth/auth.ts)
 * is already two factors.
 */
export async function passkeySignInAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const fields = formDataToObject(formData);
  const { requestHeaders, refusal } = await wrongAddress();
  if (refusal) return refusal;
  const parsed = passkeySignInSchema.safeParse(fields);
  if (!parsed.success) return { message: passkeySignInRefusal(undefined, "") };
  try {
    await withSignInAddress(requestHeaders, () =>
      getAuth().api.verifyPasskeyAuthentication({
        body: { response: parsed.data.response },
        headers: requestHeaders,
      }),
    );
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    return { message: passkeySignInRefusal(errorCode(error), error.message) };
  }
  redirect(safeReturnPath(fields.next));
}
