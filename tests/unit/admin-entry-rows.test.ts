import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EntryRows, type EntryRowsProps } from "@/components/admin/entry-rows";
import type { AdminAttendanceRow } from "@/lib/data/dto";

const render = (props: EntryRowsProps) =>
  renderToStaticMarkup(createElement("tbody", null, createElement(EntryRows, props)));

describe("the admin list's rows", () => {
  // An editor's words as an attacker would type them: markup in text and in an attribute.
  const payload = `Tom "<script>alert(1)</script>" <img src=x onerror=alert(2)> O'Brien`;
  const row: AdminAttendanceRow = {
    id: 7,
    leader: payload,
    office: "President & Chair",
    polity: "Ruritania",
    event: { slug: "summit", name: "Summit <2000>", date: "2000-06-01" },
    status: "declined",
    asOf: null,
    updatedAt: "2000-05-01T00:00:00.000Z",
    citationCount: 2,
  };

  it("show a leader's name typed as markup as text, never as an element", () => {
    const markup = render({ rows: [row], open: "Edit" });
    expect(markup).not.toContain("<script>");
    expect(markup).not.toContain("<img");
    expect(markup).toContain(
      "<strong>Tom &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; &lt;img src=x onerror=alert(2)&gt; O&#x27;Brien</strong>",
    );
    expect(markup).toContain("<td>Summit &lt;2000&gt;<div>1 June 2000</div></td>");
  });

  it("say what each entry is, with its status in words and its links", () => {
    const plain = { ...row, leader: "Ana Silva" };
    const markup = render({ rows: [plain], open: "Edit" });
    expect(markup).toContain("<div>President &amp; Chair, Ruritania</div>");
    expect(markup).toContain('<span class="status-badge-declined">Declined</span>');
    expect(markup).toContain("<td>—</td><td>2</td>");
    expect(markup).toContain(
      '<a href="/admin/entries/7" aria-label="Edit Ana Silva at Summit &lt;2000&gt;">Edit</a>',
    );
    expect(markup).toContain(
      '<a href="/attendance/7" aria-label="View Ana Silva at Summit &lt;2000&gt;">View</a>',
    );
    // A role that may only read an entry opens it; the link says so.
    expect(render({ rows: [plain], open: "Open" })).toContain(
      'aria-label="Open Ana Silva at Summit &lt;2000&gt;">Open</a>',
    );
    expect(
      render({ rows: [plain, { ...plain, id: 8 }], open: "Edit" }).match(/<tr>/g),
    ).toHaveLength(2);
    expect(render({ rows: [], open: "Edit" })).toBe("<tbody></tbody>");
  });
});
