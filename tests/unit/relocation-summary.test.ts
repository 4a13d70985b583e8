import { describe, expect, it } from "vitest";
import { describeRelocations } from "../../lib/quotes/relocation-summary";

describe("describeRelocations", () => {
  it("says what happened to each citation, as the save reports it", () => {
    expect(describeRelocations({ exact: 5, check: 1, orphaned: 1 })).toBe(
      "5 citations re-found exactly, 1 re-found with changed wording (check it), 1 orphaned",
    );
    expect(describeRelocations({ exact: 1, check: 0, orphaned: 0 })).toBe(
      "1 citation re-found exactly",
    );
    expect(describeRelocations({ exact: 0, check: 2, orphaned: 3 })).toBe(
      "2 citations re-found with changed wording (check them), 3 orphaned",
    );
    expect(describeRelocations({ exact: 0, check: 0, orphaned: 1 })).toBe("1 citation orphaned");
    expect(describeRelocations({ exact: 0, check: 0, orphaned: 0 })).toBe(
      "no citation quotes this source",
    );
  });
});
