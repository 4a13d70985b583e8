import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addPasskeyRefusal,
  browserPasskeyRefusal,
  passkeySignInRefusal,
  passkeysPossibleAt,
  relyingParty,
  USER_NOT_VERIFIED_MESSAGE,
} from "@/lib/accounts/passkeys";
import { createAccount } from "../factories";
import type { Editor } from "@/lib/data/session";
import { addPasskeySchema, passkeySignInSchema } from "@/lib/validation/account";
import { createTestDatabase } from "./helpers/test-db";

describe("where passkeys are bound", () => {
  it("binds them to the host name of BETTER_AUTH_URL, and checks its origin", () => {
    expect(relyingParty("https://rollcall.example.org/")).toEqual({
      rpID: "rollcall.example.org",
      origin: "https://rollcall.example.org",
    });
    expect(relyingParty("http://localhost:3180")).toEqual({
      rpID: "localhost",
      origin: "http://localhost:3180",
    });
  });

  it("knows that browsers refuse passkeys at a bare IP address", () => {
    expect(passkeysPossibleAt("http://localhost:3000")).toBe(true);
    expect(passkeysPossibleAt("https://news.example")).toBe(true);
    expect(passkeysPossibleAt("http://127.0.0.1:3100")).toBe(false);
    expect(passkeysPossibleAt("http://[::1]:3000")).toBe(false);
  });
});

describe("what a refusal says", () => {
  it("tells a removed passkey, a stale challenge and a disabled account apart", () => {
    expect(passkeySignInRefusal("PASSKEY_NOT_FOUND", "Passkey not found")).toMatch(
      /not one of this site's/,
    );
    expect(passkeySignInRefusal("CHALLENGE_NOT_FOUND", "")).toMatch(/took too long/);
    const disabled = "This account is disabled. Ask an admin of this site to enable it.";
    expect(passkeySignInRefusal("BANNED_USER", disabled)).toBe(disabled);
    expect(passkeySignInRefusal("USER_NOT_VERIFIED", USER_NOT_VERIFIED_MESSAGE)).toBe(
      USER_NOT_VERIFIED_MESSAGE,
    );
    // Better Auth's own wording of anything else is not shown.
    expect(passkeySignInRefusal("AUTHENTICATION_FAILED", "Authentication failed")).toMatch(
      /could not be verified/,
    );
  });

  it("asks for a fresh sign-in when the session is too old to add a passkey", () => {
    expect(addPasskeyRefusal("SESSION_NOT_FRESH")).toMatch(/sign out and in again/);
    expect(addPasskeyRefusal(undefined)).toMatch(/was not added/);
  });

  it("explains the browser's refusals", () => {
    expect(browserPasskeyRefusal("NotAllowedError", true)).toMatch(/cancelled or timed out/);
    expect(browserPasskeyRefusal("InvalidStateError", true)).toMatch(/already holds a passkey/);
    expect(browserPasskeyRefusal("SecurityError", false)).toMatch(/BETTER_AUTH_URL/);
    expect(browserPasskeyRefusal(undefined, false)).toMatch(/sign in with your password/);
  });
});

describe("the passkey forms' fields", () => {
  const registration = {
    id: "cred",
    rawId: "cred",
    type: "public-key",
    response: { clientDataJSON: "e30", attestationObject: "o2M", transports: ["internal"] },
    clientExtensionResults: {},
  };

  it("takes the browser's answer as JSON text and keeps what the plugin reads", () => {
    const parsed = addPasskeySchema.parse({
      name: "  Work laptop ",
      response: JSON.stringify(registration),
    });
    expect(parsed.name).toBe("Work laptop");
    expect(parsed.response.response).toMatchObject({ transports: ["internal"] });
  });

  it("refuses a nameless passkey, text that is not JSON, and a sign-in's answer for a sign-up's", () => {
    expect(
      addPasskeySchema.safeParse({ name: " ", response: JSON.stringify(registration) }).success,
    ).toBe(false);
    expect(addPasskeySchema.safeParse({ name: "Phone", response: "{not json" }).success).toBe(
      false,
    );
    expect(passkeySignInSchema.safeParse({ response: JSON.stringify(registration) }).success).toBe(
      false,
    );
    expect(
      passkeySignInSchema.safeParse({ response: "x".repeat(20_001) }).error?.issues[0]?.message,
    ).toMatch(/too long/);
  });
});

describe("removing a passkey", () => {
  let t: Awaited<ReturnType<typeof createTestDatabase>>;
  let passkeys: typeof import("@/lib/data/passkeys");
  let owner: Editor;
  let other: Editor;

  const asEditor = (e: { id: string; name: string; email: string; role: string }) =>
    ({ ...e, twoFactorMissing: false }) as unknown as Editor;

  const addPasskey = (userId: string, id: string, name: string | null) =>
    t.db.passkey.create({
      data: {
        id,
        name,
        userId,
        publicKey: "AAAA",
        credentialID: `credential-${id}`,
        counter: 0,
        deviceType: "singleDevice",
        backedUp: false,
        createdAt: new Date(),
      },
    });

  beforeAll(async () => {
    t = await createTestDatabase();
    owner = asEditor(
      await createAccount(t.db, {
        email: "o@example.org",
        name: "Owner",
        password: "a-long-password",
      }),
    );
    other = asEditor(
      await createAccount(t.db, {
        email: "x@example.org",
        name: "Other",
        password: "a-long-password",
        role: "reviewer",
      }),
    );
    passkeys = await import("@/lib/data/passkeys");
  }, 120_000);

  afterAll(async () => {
    await t?.cleanup();
  });

  it("lists only the editor's own passkeys, an unnamed one by a name", async () => {
    await addPasskey(owner.id, "pk-own", null);
    await addPasskey(other.id, "pk-other", "Other's key");
    const listed = await passkeys.listOwnPasskeys(owner);
    expect(listed.map((p) => [p.id, p.name])).toEqual([["pk-own", passkeys.UNNAMED_PASSKEY]]);
  });

  it("removes one and records it, in one transaction; another account's is not found", async () => {
    const refused = await passkeys.deleteOwnPasskey(owner, "pk-other");
    expect(refused).toMatchObject({ ok: false, kind: "not-found" });
    expect(await t.db.passkey.count({ where: { id: "pk-other" } })).toBe(1);

    expect(await passkeys.deleteOwnPasskey(owner, "pk-own")).toMatchObject({ ok: true });
    expect(await t.db.passkey.count({ where: { id: "pk-own" } })).toBe(0);
    const event = await t.db.accountEvent.findFirst({
      where: { kind: "passkey-removed" },
      orderBy: { id: "desc" },
    });
    expect(event).toMatchObject({
      actorId: owner.id,
      subjectId: owner.id,
      detail: passkeys.UNNAMED_PASSKEY,
    });
    expect(await passkeys.deleteOwnPasskey(owner, "pk-own")).toMatchObject({ ok: false });
  });

  it("prunes only the challenges that have expired", async () => {
    const at = (ms: number) => new Date(Date.now() + ms);
    await t.db.verification.createMany({
      data: [
        { id: "v-old", identifier: "old", value: "{}", expiresAt: at(-1_000) },
        { id: "v-live", identifier: "live", value: "{}", expiresAt: at(60_000) },
      ],
    });
    await passkeys.pruneExpiredChallenges();
    const left = await t.db.verification.findMany({ select: { id: true } });
    expect(left.map((v) => v.id)).toEqual(["v-live"]);
  });
});
