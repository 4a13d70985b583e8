/**
 * What this site decides about passkeys (Better Auth's `@better-auth/passkey` plugin does the
 * WebAuthn ceremonies): where they are bound, that one must verify its user, and what a refusal
 * says. Pure: imported by lib/auth/auth.ts and the passkey actions, unit-tested directly.
 */

/**
 * The relying party a passkey is bound to: the site's address (BETTER_AUTH_URL). A passkey made
 * at one host name does not work at another, so changing the address means adding passkeys
 * again. Browsers refuse WebAuthn on a bare IP address: use a host name (`localhost` locally).
 */
export function relyingParty(siteUrl: string): { rpID: string; origin: string } {
  const url = new URL(siteUrl);
  return { rpID: url.hostname, origin: url.origin };
}

/** Whether `siteUrl`'s host can hold passkeys at all (not an IPv4 or IPv6 address). */
export function passkeysPossibleAt(siteUrl: string): boolean {
  const host = new URL(siteUrl).hostname;
  return !/^\d{1,3}(\.\d{1,3}){3}$/.test(host) && !host.startsWith("[");
}

/**
 * A passkey signs in alone, without the password or the authenticator app's code, so it must
 * be two factors by itself: the device (possession) and its PIN or biometrics (user
 * verification). The plugin accepts an assertion without user verification; this refuses it.
 */
export const USER_NOT_VERIFIED_MESSAGE =
  "Your device confirmed the passkey but did not check that it was you (no PIN, fingerprint or face). Use a passkey that asks for one, or sign in with your password.";

/** Better Auth's refusal of a passkey sign-in (its error code) as the sign-in page says it. */
export function passkeySignInRefusal(code: string | undefined, message: string): string {
  switch (code) {
    case "PASSKEY_NOT_FOUND":
      return "This passkey is not one of this site's: it may have been removed from its account. Sign in with your password.";
    case "CHALLENGE_NOT_FOUND":
      return "This passkey sign-in took too long (more than five minutes) or was already used. Try again.";
    case "BANNED_USER":
    case "USER_NOT_VERIFIED":
      return message;
    default:
      return "Your passkey could not be verified. Try again, or sign in with your password.";
  }
}

/** Better Auth's refusal to add a passkey as the account page says it. */
export function addPasskeyRefusal(code: string | undefined): string {
  switch (code) {
    case "SESSION_NOT_FRESH":
      return "You signed in more than a day ago: sign out and in again, then add the passkey.";
    case "CHALLENGE_NOT_FOUND":
      return "Adding the passkey took too long (more than five minutes). Try again.";
    default:
      return "Your device's passkey could not be verified, so it was not added. Try again.";
  }
}

/** What the browser's WebAuthn refusal (a DOMException's name) means, told to the reader. */
export function browserPasskeyRefusal(name: string | undefined, adding: boolean): string {
  switch (name) {
    case "NotAllowedError":
      return adding
        ? "No passkey was made: the request was cancelled or timed out. Try again."
        : "No passkey was used: the request was cancelled or timed out, or this device has no passkey for this site.";
    case "InvalidStateError":
      return "This device already holds a passkey for your account here.";
    case "SecurityError":
      return "This browser refuses passkeys at this address. Open the site at its own address (BETTER_AUTH_URL).";
    case "NotSupportedError":
      return "This browser or device cannot make passkeys.";
    default:
      return adding
        ? "Your browser could not make a passkey. Try again, or use another device."
        : "Your browser could not use a passkey. Try again, or sign in with your password.";
  }
}
