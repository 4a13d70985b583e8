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
  try {
    await withSignInAddress(requestHeaders, () =>
      getAuth().api.signInEmail({ body: parsed.data, headers: requestHeaders }),
    );
  } catch (error) {
    if (error instanceof APIError) {
      if (error.status === "TOO_MANY_REQUESTS" || error.status === "SERVICE_UNAVAILABLE") {
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
  redirect(safeReturnPath(fields.next));
}

export async function signOutAction(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/sign-in?signedOut=1");
}
