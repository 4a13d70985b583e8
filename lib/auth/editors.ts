/**
 * Creating editor accounts. There is no public sign-up: accounts come from
 * `npm run editor:create` (and, in development only, a first editor made by prepare-db).
 * Takes the Prisma client as a parameter so command-line scripts can use it.
 */
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import { editorSchema } from "../validation/editor";
import { hashPassword, type ScryptParams } from "./password";
import type { Role } from "./roles";

export class EditorExistsError extends Error {}

/**
 * The role of a new account when none is asked for: the first account is an admin (someone
 * must be able to manage the others), every later one an editor.
 */
export async function defaultRole(db: Pick<PrismaClient, "user">): Promise<Role> {
  return (await db.user.count()) === 0 ? "admin" : "editor";
}

/** `hashParams` is for test accounts only (tests/factories); an account's hash names its own. */
export async function createEditor(
  db: PrismaClient,
  input: { email: string; name: string; password: string; role?: Role },
  { hashParams }: { hashParams?: ScryptParams } = {},
) {
  const { email, name, password } = editorSchema.parse(input);
  if (await db.user.findUnique({ where: { email } })) {
    throw new EditorExistsError(`An editor with the email ${email} already exists.`);
  }
  const hash = await hashPassword(password, hashParams);
  const role = input.role ?? (await defaultRole(db));
  const data = accountCreateData({ email, name, role, passwordHash: hash });
  await db.user.create({ data });
  return { id: data.id, email, name, role };
}

/** The same rows Better Auth's email sign-up writes: a user and a "credential" account. */
export function accountCreateData(input: {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
}) {
  const id = randomBytes(16).toString("base64url");
  return {
    id,
    email: input.email,
    name: input.name,
    emailVerified: true,
    role: input.role,
    accounts: {
      create: {
        id: randomBytes(16).toString("base64url"),
        accountId: id,
        providerId: "credential",
        password: input.passwordHash,
      },
    },
  };
}
