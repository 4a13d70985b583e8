import { describe, expect, it } from "vitest";
import { entryRowsHtml } from "@/components/admin/entry-rows";
import type { AdminAttendanceRow } from "@/lib/data/dto";
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

describe("the admin list's rows", () => {
  const row: AdminAttendanceRow = {
    id: 7,
    leader: `Tom "<script>" O'Brien`,
    office: "President & Chair",
    polity: "Ruritania",
    event: { slug: "summit", name: "Summit <2000>", date: "2000-06-01" },
    status: "declined",
    asOf: null,
    updatedAt: "2000-05-01T00:00:00.000Z",
    citationCount: 2,
  };

  it("say what each entry is, with its status in words and its links, every value escaped", () => {
    const markup = entryRowsHtml([row]).html;
    expect(markup).not.toContain("<script>");
    expect(markup).toContain("<strong>Tom &quot;&lt;script&gt;&quot; O&#39;Brien</strong>");
    expect(markup).toContain("<div>President &amp; Chair, Ruritania</div>");
    expect(markup).toContain("<td>Summit &lt;2000&gt;<div>1 June 2000</div></td>");
    expect(markup).toContain(
      '<td><span class="status-badge status-badge-declined">Declined</span></td>\n<td>—</td>\n<td>2</td>',
    );
    expect(markup).toContain(
      '<a href="/admin/entries/7" aria-label="Edit Tom &quot;&lt;script&gt;&quot; O&#39;Brien at Summit &lt;2000&gt;">Edit</a>',
    );
    expect(markup).toContain('<a href="/attendance/7"');
    // A role that may only read an entry opens it; the link says so.
    expect(entryRowsHtml([row], "Open").html).toContain(
      'aria-label="Open Tom &quot;&lt;script&gt;&quot; O&#39;Brien at Summit &lt;2000&gt;">Open</a>',
    );
    expect(entryRowsHtml([row, { ...row, id: 8 }]).html.match(/<tr>/g)).toHaveLength(2);
    expect(entryRowsHtml([]).html).toBe("");
  });
});
