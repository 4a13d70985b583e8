import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password";
import { editorSchema, emailSchema, passwordSchema } from "./editor";

export const roleSchema = z.enum(ROLES, { error: "Choose a role: admin, editor or reviewer." });

export const inviteSchema = z.object({ email: emailSchema, role: roleSchema });

export const acceptInvitationSchema = editorSchema.pick({ name: true, password: true });

export const setRoleSchema = z.object({ role: roleSchema });

export const accountIdSchema = z.string().min(1).max(100);

const currentPassword = z
  .string()
  .min(1, "Enter your current password.")
  .max(PASSWORD_MAX_LENGTH, "That password is too long.");

export const changePasswordSchema = z
  .object({ currentPassword, newPassword: passwordSchema, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords differ: type the same one twice.",
  });

export const passwordConfirmSchema = z.object({ password: currentPassword });

export const twoFactorCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, "Enter the code.")
    .max(40, "That code is too long.")
    .transform((v) => v.replace(/\s+/g, "")),
  method: z.enum(["totp", "backup"]).default("totp"),
});

export const requireTwoFactorSchema = z.object({ require: z.enum(["yes", "no"]) });

export const passkeyNameSchema = z
  .string()
  .trim()
  .min(1, "Name the passkey, after the device or app that holds it (“Work laptop”).")
  .max(60, "Keep the name under 60 characters.");

export const startPasskeySchema = z.object({ name: passkeyNameSchema, password: currentPassword });

const encoded = z.string().max(10_000);

/**
 * What the browser's WebAuthn call gave back (as @simplewebauthn/browser shapes it), sent as
 * JSON text in a form field. Only its outline is checked here; the plugin verifies the rest.
 */
function webAuthnResponseSchema<R extends z.ZodRawShape>(response: R) {
  return z
    .string()
    .max(20_000, "The passkey's answer is too long.")
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "The passkey's answer is not JSON." });
        return z.NEVER;
      }
    })
    .pipe(
      z.looseObject(
        {
          id: z.string().min(1).max(1_000),
          rawId: z.string().min(1).max(1_000),
          type: z.literal("public-key"),
          response: z.looseObject({ clientDataJSON: encoded, ...response }),
          clientExtensionResults: z.record(z.string(), z.unknown()),
        },
        { error: "That is not a passkey's answer." },
      ),
    );
}

export const addPasskeySchema = z.object({
  name: passkeyNameSchema,
  response: webAuthnResponseSchema({ attestationObject: encoded }),
});

export const passkeySignInSchema = z.object({
  response: webAuthnResponseSchema({ authenticatorData: encoded, signature: encoded }),
});
