import { describe, expect, it } from "vitest";
import { alignParagraphs, compareParagraphs, isUnchanged } from "../../../lib/corpus/changes";

describe("compareParagraphs", () => {
  it("finds nothing between identical texts", () => {
    const c = compareParagraphs(["a", "b"], ["a", "b"]);
    expect(c).toEqual({ changed: [], added: [], removed: [] });
    expect(isUnchanged(c)).toBe(true);
  });

  it("lines paragraphs up by content: a line inserted in the middle changes nothing else", () => {
    expect(compareParagraphs(["a", "b", "c"], ["a", "x", "b", "c"])).toEqual({ changed: [], added: [1], removed: [] });
    expect(compareParagraphs(["a", "b", "c"], ["a", "c"])).toEqual({ changed: [], added: [], removed: [1] });
    const a = alignParagraphs(["a", "b", "c"], ["a", "x", "b", "c"]);
    expect(a.kept).toEqual([
      { from: 0, to: 0 },
      { from: 1, to: 2 },
      { from: 2, to: 3 },
    ]);
    expect(isUnchanged(a)).toBe(false);
  });

  it("reports changed, added and removed positions", () => {
    expect(compareParagraphs(["a", "b", "c"], ["a", "B"])).toEqual({ changed: [1], added: [], removed: [2] });
    expect(compareParagraphs(["a"], ["x", "b", "c"])).toEqual({ changed: [0], added: [1, 2], removed: [] });
    expect(isUnchanged(compareParagraphs(["a"], ["a", "b"]))).toBe(false);
  });
});
