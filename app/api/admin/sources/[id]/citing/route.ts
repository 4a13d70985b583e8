import { jsonError } from "@/lib/api/json";
import { getSourceForCiting } from "@/lib/data/citing";
import { getEditor } from "@/lib/data/session";
import { parseId } from "@/lib/validation/id";

/**
 * The entry form's source panel: a source's text and its cited passages, with the entries
 * citing each, for editors (the entries' admin links are theirs). Read-only.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!(await getEditor())) return jsonError(401, "Sign in to read this.");
  const raw = (await params).id;
  const id = parseId(raw);
  const source = id ? await getSourceForCiting(id) : null;
  if (!source) return jsonError(404, `No source with the id "${raw}".`);
  return Response.json(source, { headers: { "Cache-Control": "private, no-store" } });
}
