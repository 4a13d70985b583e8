import { toNextJsHandler } from "better-auth/next-js";
import { jsonError } from "@/lib/api/json";
import { isForwardedAuthRoute } from "@/lib/auth/routes";
import { getAuth } from "@/lib/auth/auth";

// Better Auth's endpoints that this site uses (session, sign-in with the same throttle as the
// form, sign-out), as listed in lib/auth/routes.ts. Every other one answers 404, sign-up
// included (it is also disabled in the configuration).
function forward(method: "GET" | "POST") {
  return (request: Request) => {
    if (!isForwardedAuthRoute(method, new URL(request.url).pathname)) {
      return jsonError(404, "No such endpoint.");
    }
    return toNextJsHandler(getAuth())[method](request);
  };
}

export const GET = forward("GET");
export const POST = forward("POST");
