import { jsonError } from "@/lib/api/json";
import { getSource } from "@/lib/data/sources";
import { parseId } from "@/lib/validation/id";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  const id = parseId(raw);
  const source = id ? await getSource(id) : null;
  if (!source) return jsonError(404, `No source with the id "${raw}".`);
  return Response.json({
    id: source.id,
    title: source.title,
    publisher: source.publisher,
    url: source.url,
    publishedOn: source.publishedOn,
    dateNote: source.dateNote,
    text: source.text,
  });
}
