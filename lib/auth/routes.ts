/**
 * Better Auth's endpoints that /api/auth passes on. Every other one (password change and
 * reset, user update and deletion, session revocation, social sign-in, sign-up…) is of no use
 * here and answers 404. The reliability suite's registry (tests/reliability/registry.ts) lists
 * these with the doors it tries, and tests/unit/registry.test.ts checks the two agree.
 */
export const AUTH_ROUTES = [
  { method: "POST", path: "/api/auth/sign-in/email" },
  { method: "POST", path: "/api/auth/sign-out" },
  { method: "GET", path: "/api/auth/get-session" },
] as const;

/** Whether /api/auth passes a request on to Better Auth. */
export function isForwardedAuthRoute(method: string, pathname: string): boolean {
  const path = pathname.replace(/\/+$/, "");
  return AUTH_ROUTES.some(
    (r) => r.path === path && (r.method === method || (r.method === "GET" && method === "HEAD")),
  );
}
