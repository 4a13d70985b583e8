/**
 * Builds a URL with a text fragment (`#:~:text=`), which makes supporting browsers scroll to
 * and highlight the quote on the original page. Long quotes use the `start,end` form with a
 * few words from each end, which keeps the URL short and tolerates markup inside the passage.
 */
const WORDS_AT_EACH_END = 4;
const SHORT_QUOTE_WORDS = 10;

// Text fragment syntax reserves '-', '&' and ','; encodeURIComponent leaves '-' alone.
const encodePart = (text: string) => encodeURIComponent(text).replace(/-/g, "%2D");

export function textFragment(quote: string): string {
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "";
  if (words.length <= SHORT_QUOTE_WORDS) return `:~:text=${encodePart(words.join(" "))}`;
  const start = words.slice(0, WORDS_AT_EACH_END).join(" ");
  const end = words.slice(-WORDS_AT_EACH_END).join(" ");
  return `:~:text=${encodePart(start)},${encodePart(end)}`;
}

/** The page's URL with the quote's text fragment, replacing any fragment it had. */
export function urlWithTextFragment(url: string, quote: string): string {
  const fragment = textFragment(quote);
  const base = url.split("#")[0] ?? url;
  return fragment ? `${base}#${fragment}` : base;
}
