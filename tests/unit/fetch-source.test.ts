import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPublicAddress, parseAllowedHosts, type Resolve } from "@/lib/fetch-source/address-guard";
import { extractArticle } from "@/lib/fetch-source/extract";
import { fetchPage, type FetchOptions } from "@/lib/fetch-source/fetch-page";
import { readSourcePage } from "@/lib/fetch-source/read-source";
import { FetchRefusal } from "@/lib/fetch-source/refusal";

const REPORT = readFileSync(path.join(__dirname, "fixtures/wire-report.html"), "utf8");

/** Local pages, each a path; the tests reach them through the allow-list, as the e2e does. */
const pages: Record<string, (res: http.ServerResponse) => void> = {
  "/report": (res) => html(res, REPORT),
  "/report-gzip": (res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip" });
    res.end(gzipSync(REPORT));
  },
  "/huge": (res) => {
    res.writeHead(200, { "content-type": "text/html" });
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const more = () => {
      while (sent < 6 * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) return res.once("drain", more);
      }
      res.end();
    };
    more();
  },
  "/slow": (res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.write("<html><body><p>The start of a page that never ends");
  },
  "/pdf": (res) => {
    res.writeHead(200, { "content-type": "application/pdf" });
    res.end("%PDF-1.7");
  },
  "/broken-utf8": (res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(Buffer.concat([Buffer.from("<p>Caf"), Buffer.from([0xc3, 0x28]), Buffer.from("</p>")]));
  },
  "/latin1": (res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(
      Buffer.from(
        '<html><head><meta charset="iso-8859-1"></head><body><article><p>Le président est arrivé à Moscou mercredi pour le défilé, a indiqué le Kremlin.</p></article></body></html>',
        "latin1",
      ),
    );
  },
  "/empty": (res) =>
    html(res, '<html><body><div id="app"></div><script>render()</script></body></html>'),
  "/to-report": (res) => redirect(res, "/report"),
  "/to-private": (res) => redirect(res, "http://10.0.0.1/secret"),
  "/to-file": (res) => redirect(res, "file:///etc/passwd"),
  "/missing": (res) => {
    res.writeHead(404, { "content-type": "text/html" });
    res.end("<p>Not here</p>");
  },
};
for (let i = 0; i < 7; i++) pages[`/loop${i}`] = (res) => redirect(res, `/loop${i + 1}`);

function html(res: http.ServerResponse, body: string) {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  res.end(body);
}
function redirect(res: http.ServerResponse, location: string) {
  res.writeHead(302, { location });
  res.end();
}

let server: http.Server;
let base: string;
let allowed: FetchOptions;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const page = pages[new URL(req.url ?? "/", "http://x").pathname];
    if (page) page(res);
    else redirect(res, "/missing");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  allowed = { allowHosts: parseAllowedHosts(`127.0.0.1:${port}`) };
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The refusal a fetch ends in (the test fails if it succeeds). */
async function refusal(promise: Promise<unknown>): Promise<FetchRefusal> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchRefusal);
  return error as FetchRefusal;
}

describe("the address guard", () => {
  it("knows public addresses from private, local and reserved ones", () => {
    for (const a of ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"]) {
      expect(isPublicAddress(a), a).toBe(true);
    }
    for (const a of [
      "127.0.0.1",
      "::1",
      "10.0.0.1",
      "172.16.5.4",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "fd00::1",
      "fe80::1",
      "0.0.0.0",
      "::ffff:10.0.0.1",
      "::ffff:127.0.0.1",
      "224.0.0.1",
      // IPv4-compatible IPv6 (deprecated): ipaddr.js puts it in no range.
      "::127.0.0.1",
      "::7f00:1",
      "::a00:1",
    ]) {
      expect(isPublicAddress(a), a).toBe(false);
    }
  });

  it.each([
    ["http://127.0.0.1/", "127.0.0.1"],
    ["http://[::1]:8080/", "::1"],
    ["http://10.0.0.1/admin", "10.0.0.1"],
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254"],
    ["http://[::ffff:169.254.169.254]/", "169.254.169.254"],
  ])("refuses %s before connecting", async (url, address) => {
    const e = await refusal(fetchPage(url));
    expect(e.reason).toBe("private-address");
    expect(e.message).toContain(address);
    expect(e.message).toContain("private, local or reserved network address");
  });

  it("refuses a host name that resolves to a private address, and never connects", async () => {
    const asked: string[] = [];
    const resolve: Resolve = async (name) => {
      asked.push(name);
      return [{ address: "10.1.2.3", family: 4 }];
    };
    const e = await refusal(fetchPage("http://intranet.example.org/", { resolve }));
    expect(e.reason).toBe("private-address");
    expect(e.message).toBe(
      "intranet.example.org (10.1.2.3) is a private, local or reserved network address; Rollcall fetches public web pages only.",
    );
    expect(asked).toEqual(["intranet.example.org"]);
  });

  it("refuses a name with one private address among public ones", async () => {
    const resolve: Resolve = async () => [
      { address: "93.184.215.14", family: 4 },
      { address: "127.0.0.1", family: 4 },
    ];
    expect((await refusal(fetchPage("http://mixed.example.org/", { resolve }))).reason).toBe(
      "private-address",
    );
  });

  it("refuses a redirect to a private address, though the first page was allowed", async () => {
    const e = await refusal(fetchPage(`${base}/to-private`, allowed));
    expect(e.reason).toBe("private-address");
    expect(e.message).toContain("10.0.0.1");
  });

  it("refuses addresses that are not http(s), given or redirected to", async () => {
    for (const url of ["file:///etc/passwd", "ftp://example.org/a", "javascript:alert(1)"]) {
      const e = await refusal(fetchPage(url));
      expect(e.reason, url).toBe("scheme");
      expect(e.message).toContain("http:// and https:// pages only");
    }
    const e = await refusal(fetchPage(`${base}/to-file`, allowed));
    expect(e.reason).toBe("scheme");
    expect(e.message).toContain("redirects to a file: address");
  });

  it("reaches the local test server only through the allow-list", async () => {
    const e = await refusal(fetchPage(`${base}/report`));
    expect(e.reason).toBe("private-address");
    const page = await fetchPage(`${base}/report`, allowed);
    expect(page.html).toContain("Victory Day parade");
  });

  it("follows up to five redirects, each checked, and refuses a sixth", async () => {
    const page = await fetchPage(`${base}/to-report`, allowed);
    expect(page.url).toBe(`${base}/report`);
    // loop3 → … → loop7 → missing: five redirects.
    const e404 = await refusal(fetchPage(`${base}/loop3`, allowed));
    expect(e404.reason).toBe("http-status");
    const e = await refusal(fetchPage(`${base}/loop0`, allowed));
    expect(e.reason).toBe("redirects");
    expect(e.message).toContain("redirects more than 5 times");
  });
});

describe("what a page gets back", () => {
  it("refuses a page over 5 MB", async () => {
    const e = await refusal(fetchPage(`${base}/huge`, allowed));
    expect(e.reason).toBe("too-large");
    expect(e.message).toBe(
      "The page is larger than 5 MB, the most Rollcall fetches. Paste the text instead.",
    );
  });

  it("gives up on a page slower than the time limit", async () => {
    const started = Date.now();
    const e = await refusal(fetchPage(`${base}/slow`, { ...allowed, timeoutMs: 300 }));
    expect(e.reason).toBe("too-slow");
    expect(e.message).toContain("took longer than");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("refuses what is not HTML", async () => {
    const e = await refusal(fetchPage(`${base}/pdf`, allowed));
    expect(e.reason).toBe("not-html");
    expect(e.message).toContain("“application/pdf”, not HTML");
  });

  it("refuses a page whose bytes are not valid in its encoding", async () => {
    const e = await refusal(fetchPage(`${base}/broken-utf8`, allowed));
    expect(e.reason).toBe("encoding");
    expect(e.message).toContain("is not valid UTF-8");
  });

  it("reads the encoding a page declares, and compressed pages", async () => {
    expect((await fetchPage(`${base}/latin1`, allowed)).html).toContain("président est arrivé");
    expect((await fetchPage(`${base}/report-gzip`, allowed)).html).toBe(REPORT);
  });

  it("says a page with no article has none", async () => {
    const e = await refusal(readSourcePage(`${base}/empty`, allowed));
    expect(e.reason).toBe("empty");
    expect(e.message).toContain("No article text was found on the page");
  });

  it("says what the site answered for a missing page", async () => {
    const e = await refusal(fetchPage(`${base}/missing`, allowed));
    expect(e.reason).toBe("http-status");
    expect(e.message).toContain("404 Not Found");
  });

  it("says a site that refuses the connection cannot be reached", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const e = await refusal(
      fetchPage(`http://127.0.0.1:${port}/`, {
        allowHosts: parseAllowedHosts(`127.0.0.1:${port}`),
      }),
    );
    expect(e.reason).toBe("unreachable");
    expect(e.message).toContain("refused the connection");
  });
});

describe("extracting the article", () => {
  it("reads the text, title, publisher, dates and language of a wire report", () => {
    const article = extractArticle(REPORT, "https://wire.example.org/parade");
    expect(article).toMatchObject({
      // Open Graph first; then JSON-LD, then the page's title.
      title: "Leaders gather in Moscow for the Victory Day parade",
      publisher: "Example Wire",
      // The publisher's own day, not converted to UTC (23:30 in Moscow is still 8 May).
      publishedOn: "2025-05-08",
      modifiedOn: "2025-05-09",
      language: "en-GB",
    });
    const paragraphs = article.text.split("\n\n");
    expect(paragraphs).toContain(
      "Slovak Prime Minister Robert Fico said he would travel to Moscow despite criticism from other European Union members, who have urged leaders to stay away from the event.",
    );
    expect(paragraphs[1]).toMatch(/^MOSCOW, May 9 \(Example Wire\) - Chinese President Xi Jinping/);
    // Navigation, footer and scripts are not the article.
    expect(article.text).not.toMatch(/Home|All rights reserved|Changed by a script/);
  });

  it("falls back to JSON-LD and <time> when there is no Open Graph", () => {
    const page = REPORT.replace(/<meta property="[^"]+" content="[^"]+">\n/g, "");
    const article = extractArticle(page, "https://wire.example.org/parade");
    expect(article.title).toBe("JSON-LD headline");
    expect(article.publisher).toBe("JSON-LD Wire");
    expect(article.publishedOn).toBe("2025-05-07");
    expect(article.modifiedOn).toBe("2025-05-07");

    const bare = page.replace(/<script type="application\/ld\+json">.*<\/script>\n/, "");
    expect(extractArticle(bare, "https://wire.example.org/parade").publishedOn).toBe("2025-05-06");
  });
});
