import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { FetchRefusal, PASTE_INSTEAD } from "./refusal";

/** What a page says about its article; every field may be empty when the page does not say. */
export type ExtractedArticle = {
  title: string;
  /** The site's name (og:site_name, else JSON-LD's publisher). */
  publisher: string;
  /** YYYY-MM-DD as the publisher wrote it, or null. */
  publishedOn: string | null;
  /** YYYY-MM-DD of the publisher's last change, or null. */
  modifiedOn: string | null;
  /** The page's language tag (`<html lang>`), or "". */
  language: string;
  /** The article's paragraphs, one blank line between each. */
  text: string;
};

type Doc = ReturnType<typeof parseHTML>["document"];

const BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, dt, dd";

/**
 * The article of a page and its metadata: the text by Mozilla's Readability (what Firefox's
 * reader view shows), the rest from the page's Open Graph and `article:*` meta, its JSON-LD,
 * `<time datetime>` and `<html lang>`. Throws a FetchRefusal ("empty") when no article text
 * is found.
 */
export function extractArticle(html: string, url: string): ExtractedArticle {
  const { document } = parseHTML(html);
  // Read before Readability, which takes the document apart (scripts included).
  const meta = readMetadata(document);
  const article = new Readability(withUrl(document, url) as unknown as Document).parse();
  const text = article?.content ? paragraphs(article.content) : "";
  if (!text.trim()) {
    throw new FetchRefusal(
      "empty",
      `No article text was found on the page (it may be built by scripts, or behind a paywall). ${PASTE_INSTEAD}`,
    );
  }
  return {
    title: meta.title || clean(article?.title ?? ""),
    publisher: meta.publisher || clean(article?.siteName ?? ""),
    publishedOn: meta.publishedOn,
    modifiedOn: meta.modifiedOn,
    language: meta.language || clean(article?.lang ?? ""),
    text,
  };
}

/** Readability resolves links against the document's address, which linkedom leaves unset. */
function withUrl(document: Doc, url: string): Doc {
  for (const name of ["baseURI", "documentURI"]) {
    Object.defineProperty(document, name, { value: url, configurable: true });
  }
  return document;
}

/** Whitespace as a reader sees it: runs of it are one space. */
const clean = (s: string) => s.replace(/[\s\u00a0]+/g, " ").trim();

/**
 * Readability's content as text, a paragraph a block: its own `textContent` runs paragraphs
 * together ("…LulaMOSCOW, May 9"), and citations quote across sentences.
 */
function paragraphs(content: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${content}</body></html>`);
  const blocks = [...document.querySelectorAll(BLOCKS)].filter(
    // The innermost blocks only: an <li> holding a <p> is read once, as its paragraph.
    (el) => !el.querySelector(BLOCKS),
  );
  const texts = (blocks.length ? blocks : [document.body]).map((el) => clean(el.textContent ?? ""));
  return texts.filter(Boolean).join("\n\n");
}

function metaContent(document: Doc, ...names: string[]): string {
  for (const name of names) {
    const el =
      document.querySelector(`meta[property="${name}"]`) ??
      document.querySelector(`meta[name="${name}"]`);
    const value = clean(el?.getAttribute("content") ?? "");
    if (value) return value;
  }
  return "";
}

/** The calendar day a timestamp was written for (its own date part, not converted to UTC). */
export function dayOf(value: string | undefined | null): string | null {
  const match = value?.trim().match(/^(\d{4}-\d{2}-\d{2})/);
  if (!match) return null;
  const day = match[1]!;
  return Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ? null : day;
}

type JsonLdNode = Record<string, unknown>;

/** Every object of the page's JSON-LD, @graph and arrays flattened; broken blocks skipped. */
function jsonLdNodes(document: Doc): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      nodes.push(value as JsonLdNode);
      visit((value as JsonLdNode)["@graph"]);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ""));
    } catch {
      // A page's broken JSON-LD is no reason to refuse its article.
    }
  }
  return nodes;
}

const ARTICLE_TYPES = /Article|Posting|Report|WebPage/;

function readMetadata(document: Doc) {
  const nodes = jsonLdNodes(document);
  const types = (n: JsonLdNode) => [n["@type"]].flat().map(String).join(" ");
  const article = nodes.find((n) => ARTICLE_TYPES.test(types(n)) && n.datePublished) ?? nodes[0];
  const string = (v: unknown) => (typeof v === "string" ? clean(v) : "");
  const publisherName = (v: unknown) =>
    string(v) || string((Array.isArray(v) ? v[0] : (v as JsonLdNode | undefined))?.name);
  const time = document.querySelector("time[datetime]")?.getAttribute("datetime");

  return {
    title:
      metaContent(document, "og:title", "twitter:title") ||
      string(article?.headline) ||
      clean(document.querySelector("title")?.textContent ?? ""),
    publisher: metaContent(document, "og:site_name") || publisherName(article?.publisher),
    publishedOn:
      dayOf(metaContent(document, "article:published_time", "datePublished", "date")) ??
      dayOf(string(article?.datePublished)) ??
      dayOf(time),
    modifiedOn:
      dayOf(metaContent(document, "article:modified_time", "og:updated_time", "dateModified")) ??
      dayOf(string(article?.dateModified)),
    language: clean(document.documentElement?.getAttribute("lang") ?? ""),
  };
}
