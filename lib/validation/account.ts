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
