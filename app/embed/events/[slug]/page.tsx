import type { Metadata } from "next";
import { parseAttendanceQuery } from "@/lib/validation/attendance-query";
import { EmbedList, embedMetadata } from "./embed-list";

type EmbedPageProps = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: EmbedPageProps): Promise<Metadata> {
  return embedMetadata((await params).slug);
}

/**
 * An event's list for an iframe on another site, its state (a status, a day) in its address.
 * A reader's request is rewritten by proxy.ts to the cached page of that state (./view/[view]);
 * this one renders per request what the proxy does not rewrite (a POST). Only the embeds may be
 * framed (next.config.js, proxy.ts).
 */
export default async function EmbedPage({ params, searchParams }: EmbedPageProps) {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const { status, day } = parseAttendanceQuery({ status: raw.status, asOf: raw.asOf });
  return <EmbedList slug={slug} status={status} day={day} />;
}
