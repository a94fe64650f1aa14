import { describe, expect, it } from "vitest";
import { compareParagraphs, isUnchanged } from "../../../lib/corpus/changes";

describe("compareParagraphs", () => {
  it("finds nothing between identical texts", () => {
    const c = compareParagraphs(["a", "b"], ["a", "b"]);
    expect(c).toEqual({ changed: [], added: [], removed: [] });
    expect(isUnchanged(c)).toBe(true);
  });

  it("reports changed, added and removed positions", () => {
    expect(compareParagraphs(["a", "b", "c"], ["a", "B"])).toEqual({ changed: [1], added: [], removed: [2] });
    expect(compareParagraphs(["a"], ["x", "b", "c"])).toEqual({ changed: [0], added: [1, 2], removed: [] });
    expect(isUnchanged(compareParagraphs(["a"], ["a", "b"]))).toBe(false);
  });
});
