import { describe, expect, it } from "vitest";
import { carriedStepQuery, parseCarriedStep } from "@/lib/validation/carried-step";

const read = (query: string) => parseCarriedStep(Object.fromEntries(new URLSearchParams(query)));

describe("a typed step carried to an existing entry", () => {
  it("comes back as typed: status, date, note, and each citation's source, quote and place", () => {
    const typed = {
      status: "declined",
      asOf: "2025-03-20",
      note: "Aides said so & more",
      citations: [
        { sourceId: "4", quote: "Syldavia's King Ottokar declined", start: "118" },
        { sourceId: "", quote: "  " },
        { sourceId: "5", quote: "“will not travel”" },
      ],
    };
    expect(read(carriedStepQuery(typed))).toEqual({
      status: "declined",
      asOf: "2025-03-20",
      note: "Aides said so & more",
      citations: [
        { sourceId: "4", quote: "Syldavia's King Ottokar declined", start: 118 },
        { sourceId: "5", quote: "“will not travel”" },
      ],
    });
  });

  it("checks each field on the server: what fails is left empty, the rest is kept", () => {
    const query = new URLSearchParams({
      "step.status": "attending<script>",
      "step.asOf": "2025-02-31",
      "step.note": "x".repeat(2_001),
      "step.citations.0.sourceId": "-1",
      "step.citations.0.quote": "kept words",
      "step.citations.0.start": "NaN",
    });
    expect(read(query.toString())).toEqual({
      status: "",
      asOf: "",
      note: "",
      citations: [{ sourceId: "", quote: "kept words" }],
    });
    expect(read("other=1")).toBeNull();
  });

  it("keeps the address short enough for any server: citations past the limit are left out", () => {
    const long = "word ".repeat(900).trim();
    const query = carriedStepQuery({
      status: "confirmed",
      citations: [1, 2, 3].map((n) => ({ sourceId: String(n), quote: long })),
    });
    expect(query.length).toBeLessThanOrEqual(8_000);
    expect(read(query)?.citations.map((c) => c.sourceId)).toEqual(["1"]);
  });
});
