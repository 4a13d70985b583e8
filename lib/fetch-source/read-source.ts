import { extractArticle, type ExtractedArticle } from "./extract";
import { fetchPage, type FetchedPage, type FetchOptions } from "./fetch-page";

export { FetchRefusal } from "./refusal";
export { FETCH_LIMITS, type FetchOptions } from "./fetch-page";
export { parseAllowedHosts, type AllowedHosts } from "./address-guard";

export type SourceRead = { page: FetchedPage; article: ExtractedArticle };

/**
 * A source's page fetched and read: the page as it came (kept as its snapshot) and its
 * article. Throws a FetchRefusal with the editor's message when either step refuses.
 */
export async function readSourcePage(url: string, options?: FetchOptions): Promise<SourceRead> {
  const page = await fetchPage(url, options);
  return { page, article: extractArticle(page.html, page.url) };
}
