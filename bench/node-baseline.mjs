// Baseline (b): Node's ceiling on this machine. A bare node:http server answering every request
// with the bytes of a file held in memory, with the headers a browser needs and nothing else.
// Usage: node bench/node-baseline.mjs <file> <port>
import fs from "node:fs";
import http from "node:http";

const [file, port] = process.argv.slice(2);
if (!file || !port) {
  console.error("usage: node bench/node-baseline.mjs <file> <port>");
  process.exit(2);
}
const body = fs.readFileSync(file);
const headers = { "content-type": "text/html; charset=utf-8", "content-length": body.length };

http
  .createServer((_request, response) => {
    response.writeHead(200, headers);
    response.end(body);
  })
  .listen(Number(port), "127.0.0.1", () => console.log(`ready on ${port}`));
