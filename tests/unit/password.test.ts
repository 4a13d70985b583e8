import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, SCRYPT_PARAMS, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("uses OWASP's scrypt parameters (N=2^17, r=8, p=1) and a random salt", async () => {
    expect(SCRYPT_PARAMS).toEqual({ N: 131072, r: 8, p: 1 });
    const a = await hashPassword("correct horse battery");
    const b = await hashPassword("correct horse battery");
    expect(a.split("$").slice(0, 4)).toEqual(["scrypt", "131072", "8", "1"]);
    expect(a).not.toBe(b);
  });

  it("verifies the right password and refuses a wrong or malformed one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(await verifyPassword({ hash, password: "correct horse battery" })).toBe(true);
    expect(await verifyPassword({ hash, password: "correct horse batterY" })).toBe(false);
    expect(await verifyPassword({ hash: "bcrypt$whatever", password: "x" })).toBe(false);
    expect(await verifyPassword({ hash: "scrypt$0$8$1$a$b", password: "x" })).toBe(false);
  });

  it("generates 20-character passwords without ambiguous characters", () => {
    const passwords = new Set(Array.from({ length: 200 }, () => generatePassword()));
    expect(passwords.size).toBe(200);
    for (const p of passwords) expect(p).toMatch(/^[a-km-np-zA-HJ-NP-Z2-9]{20}$/);
  });
});
