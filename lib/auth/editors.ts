/**
 * Creating editor accounts. There is no public sign-up: accounts come from
 * `npm run editor:create` (and, in development only, a first editor made by prepare-db).
 * Takes the Prisma client as a parameter so command-line scripts can use it.
 */
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import { editorSchema } from "../validation/editor";
import { hashPassword } from "./password";

export class EditorExistsError extends Error {}

export async function createEditor(
  db: PrismaClient,
  input: { email: string; name: string; password: string },
) {
  const { email, name, password } = editorSchema.parse(input);
  if (await db.user.findUnique({ where: { email } })) {
    throw new EditorExistsError(`An editor with the email ${email} already exists.`);
  }
  const id = randomBytes(16).toString("base64url");
  const hash = await hashPassword(password);
  // The same rows Better Auth's email sign-up writes: a user and a "credential" account.
  await db.user.create({
    data: {
      id,
      email,
      name,
      emailVerified: true,
      accounts: {
        create: {
          id: randomBytes(16).toString("base64url"),
          accountId: id,
          providerId: "credential",
          password: hash,
        },
      },
    },
  });
  return { id, email, name };
}
