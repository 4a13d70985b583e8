import "server-only";
import { sourceAddressKey, sourceTextKey } from "@/lib/sources/source-address";
import { invalid, type Tx, type WriteFailure } from "./write";

/**
 * One source, once: the stored source that a new or edited one would repeat, by its address
 * (as lib/sources/source-address.ts compares them) or by its text. `exceptId` is the source
 * being edited; a field left out is not compared. Addresses are compared in memory: the key is not a column, and a site holds
 * hundreds of sources, not millions.
 */
export async function findDuplicateSource(
  tx: Tx,
  input: { url?: string; text?: string },
  exceptId?: number,
): Promise<{ id: number; title: string; same: "url" | "text" } | null> {
  const notSelf = exceptId === undefined ? {} : { id: { not: exceptId } };
  if (input.url !== undefined) {
    const key = sourceAddressKey(input.url);
    const addresses = await tx.source.findMany({
      where: notSelf,
      select: { id: true, title: true, url: true },
      orderBy: { id: "asc" },
    });
    const byAddress = addresses.find((s) => sourceAddressKey(s.url) === key);
    if (byAddress) return { id: byAddress.id, title: byAddress.title, same: "url" };
  }
  if (input.text === undefined) return null;
  const text = sourceTextKey(input.text);
  const byText = await tx.source.findFirst({
    where: { ...notSelf, OR: [{ text: input.text }, { text }] },
    select: { id: true, title: true },
    orderBy: { id: "asc" },
  });
  return byText ? { id: byText.id, title: byText.title, same: "text" } : null;
}

/** The refusal a form shows: the field that repeats, with a link to the source it repeats. */
export function duplicateSourceFailure(found: {
  id: number;
  title: string;
  same: "url" | "text";
}): WriteFailure {
  const field = found.same;
  const what = found.same === "url" ? "This address" : "This text";
  return invalid(
    { [field]: [`${what} is already stored, as the source “${found.title}”. Nothing was saved.`] },
    "This source is already stored; open it instead of adding it again.",
    { [field]: { kind: "existing-source", sourceId: found.id, title: found.title } },
  );
}
