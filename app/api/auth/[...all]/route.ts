import { toNextJsHandler } from "better-auth/next-js";
import { jsonError } from "@/lib/api/json";
import { isForwardedAuthRoute } from "@/lib/auth/routes";
import { getAuth } from "@/lib/auth/auth";
import { withSignInAddress } from "@/lib/auth/sign-in-address";
import { AUTH_BODY_LIMIT_BYTES, withinBodyLimit } from "@/lib/http/body-limit";

// Better Auth's endpoints that this site uses (session, sign-in with the same throttle as the
// form, sign-out), as listed in lib/auth/routes.ts. Every other one answers 404, sign-up
// included (it is also disabled in the configuration). A body is read within a bound first,
// whatever the path: Better Auth reads a whole body before it looks at it.
function forward(method: "GET" | "POST") {
  return async (request: Request) => {
    const bounded = await withinBodyLimit(request, AUTH_BODY_LIMIT_BYTES);
    if (bounded instanceof Response) return bounded;
    if (!isForwardedAuthRoute(method, new URL(bounded.url).pathname)) {
      return jsonError(404, "No such endpoint.");
    }
    return withSignInAddress(bounded.headers, () => toNextJsHandler(getAuth())[method](bounded));
  };
}

export const GET = forward("GET");
export const POST = forward("POST");
