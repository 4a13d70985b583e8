import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { formatDay } from "@/components/format";
import { SourceText } from "@/components/source-text";
import { SourceVersions } from "@/components/source-versions";
import { getSourceAsItStood, getSourceVersions, listCitedPassages } from "@/lib/data/sources";
import { parseId } from "@/lib/validation/id";

type VersionPageProps = { params: Promise<{ id: string; number: string }> };

// Cached like the source page, and revalidated with it (lib/actions/revalidate.ts): the
// current version's address is kept as its redirect until a new text makes it an older one.
export const revalidate = false;

export async function generateStaticParams() {
  return [];
}

async function load(params: VersionPageProps["params"]) {
  const raw = await params;
  const id = parseId(raw.id);
  const number = parseId(raw.number);
  return id && number ? getSourceAsItStood(id, number) : null;
}

export async function generateMetadata({ params }: VersionPageProps): Promise<Metadata> {
  const found = await load(params);
  return {
    title: found
      ? `${found.source.title} (as it stood on ${formatDay(found.version.since)})`
      : "Version not found",
    // The current text is the one to find; an older one is for checking what was cited.
    robots: { index: false },
  };
}

export default async function SourceVersionPage({ params }: VersionPageProps) {
  const found = await load(params);
  if (!found) notFound();
  const { source, version, latest, text } = found;
  if (version.current) redirect(`/sources/${source.id}`);
  const [versions, passages] = await Promise.all([
    getSourceVersions(source.id),
    listCitedPassages(source.id, version.number),
  ]);
  const nextChangedOn = versions?.find((v) => v.number === version.number + 1)?.changedOn ?? null;

  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm font-medium tracking-wide text-slate-600 uppercase dark:text-slate-400">
          Source, an earlier text
        </p>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{source.title}</h1>
        <p className="text-slate-700 dark:text-slate-300">
          {source.publisher} · as it stood on{" "}
          <time dateTime={version.since}>{formatDay(version.since)}</time>
        </p>
      </header>
      <p
        role="note"
        className="rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950"
      >
        This is version {version.number} of {latest} of this source&rsquo;s text, as stored from{" "}
        {formatDay(version.since)}
        {version.until ? ` until ${formatDay(version.until)}` : ""}; then the text was edited.{" "}
        {version.changedOn
          ? `The publisher changed the text to this version on ${formatDay(version.changedOn)}. `
          : ""}
        {nextChangedOn ? `The publisher changed it again on ${formatDay(nextChangedOn)}. ` : ""}
        <Link href={`/sources/${source.id}`}>Read the current text</Link>.
      </p>
      <SourceVersions sourceId={source.id} versions={versions ?? []} showing={version.number} />
      {passages.length > 0 && (
        <p className="text-sm">
          Highlighted: the {passages.length === 1 ? "passage" : "passages"} cited in this text and
          not found in the next one, under review.
        </p>
      )}
      <section aria-labelledby="text-heading">
        <h2 id="text-heading" className="sr-only">
          Text of version {version.number}
        </h2>
        <SourceText text={text} passages={passages} />
      </section>
    </article>
  );
}
