import { describe, expect, it } from "vitest";
import { escapeHtml, html, type SafeHtml } from "@/lib/text/html";

describe("html", () => {
  it("escapes every interpolated text, in text and in quoted attributes", () => {
    const name = `<img src=x onerror="alert('x')"> & co`;
    const markup = html`<a title="${name}">${name}</a>`.html;
    expect(markup).toBe(
      '<a title="&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; co">&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; co</a>',
    );
    expect(escapeHtml("a < b")).toBe("a &lt; b");
  });

  it("nests what html made, joins lists, and leaves out null, undefined and false", () => {
    const items = ["<b>", "c"].map((item) => html`<li>${item}</li>`);
    // prettier-ignore
    const list = html`<ul>${items}${null}${undefined}${false}${0}</ul>`;
    expect(list.html).toBe("<ul><li>&lt;b&gt;</li><li>c</li>0</ul>");
  });

  it("refuses an object it did not make instead of trusting it", () => {
    const forged = { html: "<script>alert(1)</script>" } as unknown as SafeHtml;
    expect(() => html`<p>${forged}</p>`).toThrow(TypeError);
  });
});
