/**
 * HTML built as a string, escaped by construction: every value put into an `html` template is
 * escaped (text and attribute values alike, so attributes must be quoted in the template),
 * except a `SafeHtml`, which only `html` makes. For markup that leaves as text, not through
 * React: the embed code a newsroom pastes and the Atom feed's item content. Pages render with
 * React, which escapes by construction; none injects these strings (tests/unit/inner-html.test.ts).
 */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text made safe to stand in HTML text or in a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

declare const safeHtmlBrand: unique symbol;

/** Markup whose every value was escaped: made by `html` only. */
export type SafeHtml = { readonly html: string; readonly [safeHtmlBrand]: true };

export type HtmlValue =
  SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

const made = new WeakSet<object>();

function toSafe(markup: string): SafeHtml {
  const safe = { html: markup } as SafeHtml;
  made.add(safe);
  return safe;
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (typeof value === "string") return escapeHtml(value);
  if (typeof value === "number") return escapeHtml(String(value));
  if (Array.isArray(value)) return value.map(render).join("");
  // Only what `html` made passes unescaped; any other object is refused, not stringified.
  if (made.has(value)) return (value as SafeHtml).html;
  throw new TypeError("html: a value that is neither text, a number, nor html");
}

/** A template of markup whose interpolated values are escaped. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let markup = strings[0]!;
  for (let i = 0; i < values.length; i++) markup += render(values[i]!) + strings[i + 1]!;
  return toSafe(markup);
}
