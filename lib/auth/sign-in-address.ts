import { AsyncLocalStorage } from "node:async_hooks";
import { throttleAddressKey } from "@/lib/http/client-address";
import { requestClientAddress } from "./client";

/**
 * The address (as the throttle counts it) of the sign-in being answered, for the hashing queue,
 * which Better Auth calls with the password alone.
 */
const signInAddress = new AsyncLocalStorage<string>();

export function withSignInAddress<T>(headers: Headers, fn: () => T): T {
  return signInAddress.run(throttleAddressKey(requestClientAddress(headers)), fn);
}

export function currentSignInAddress(): string | undefined {
  return signInAddress.getStore();
}
