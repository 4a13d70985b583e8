"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/auth";
import { fieldErrors, type FormState } from "@/lib/validation/errors";
import { signInSchema } from "@/lib/validation/editor";
import { safeReturnPath } from "./form-state";

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = { email: String(formData.get("email") ?? "").slice(0, 300) };
  const parsed = signInSchema.safeParse({
    email: formData.get("email"),
    password: formData.get("password"),
  });
  if (!parsed.success) {
    return {
      message: "Enter your email address and password.",
      errors: fieldErrors(parsed.error),
      values,
    };
  }
  try {
    await getAuth().api.signInEmail({ body: parsed.data, headers: await headers() });
  } catch (error) {
    if (error instanceof APIError) {
      if (error.status === "TOO_MANY_REQUESTS") return { message: error.message, values };
      if (error.status === "UNAUTHORIZED" || error.status === "BAD_REQUEST") {
        return {
          message: "That email address and password do not match an editor account.",
          values,
        };
      }
    }
    throw error;
  }
  redirect(safeReturnPath(formData.get("next")));
}

export async function signOutAction(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/sign-in?signedOut=1");
}
