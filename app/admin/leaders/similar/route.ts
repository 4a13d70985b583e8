import { findSimilarLeaders } from "@/lib/data/leaders";
import { getEditor } from "@/lib/data/session";

/**
 * GET /admin/leaders/similar?name=…&name=…: the leaders whose name or an alias is one of
 * these (accents and case aside), for the warning a leader form shows while it is filled
 * in. Editors only; reads nothing a public page does not show.
 */
export async function GET(request: Request) {
  if (!(await getEditor())) return Response.json({ error: "Sign in first." }, { status: 401 });
  const params = new URL(request.url).searchParams;
  const names = params
    .getAll("name")
    .slice(0, 21)
    .map((n) => n.slice(0, 200));
  const exclude = Number(params.get("exclude"));
  const leaders = await findSimilarLeaders(
    names,
    Number.isSafeInteger(exclude) && exclude > 0 ? exclude : undefined,
  );
  return Response.json({ leaders }, { headers: { "Cache-Control": "private, no-store" } });
}
