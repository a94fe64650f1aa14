import { describe, expect, it } from "vitest";
import {
  AlignmentEditError,
  alignmentProblem,
  applyAlignmentEdit,
  diffAlignments,
  isOneToOne,
  oneToOne,
  revertWindow,
  withWindow,
  type AlignedBead,
  type AlignmentEdit,
} from "../../../lib/corpus/alignment";

const b = (fr: number[], en: number[], score?: number): AlignedBead => (score === undefined ? { fr, en } : { fr, en, score });
/// Title 1-1, a 2-1 bead, a 1-0 bead, a 1-2 bead.
const beads = [b([0], [0], 0.9), b([1, 2], [1], 0.4), b([3], [], 0.3), b([4], [2, 3], 0.8)];
const apply = (edit: AlignmentEdit, from = beads) => withWindow(from, applyAlignmentEdit(from, edit));
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof AlignmentEditError) return e.code;
    throw e;
  }
  return null;
};

describe("alignment", () => {
  it("checks that every paragraph is in exactly one bead, in order", () => {
    expect(alignmentProblem(beads, { fr: 5, en: 4 })).toBeNull();
    expect(alignmentProblem(beads, { fr: 6, en: 4 })).toContain("5 fr paragraphs of 6");
    expect(alignmentProblem([b([1], [0]), b([0], [1])], { fr: 2, en: 2 })).toContain("expected");
    expect(alignmentProblem([b([0], [0]), b([], [])], { fr: 1, en: 1 })).toContain("empty");
    expect(isOneToOne(oneToOne(3))).toBe(true);
    expect(isOneToOne(beads)).toBe(false);
  });

  it("merges a bead with the next one", () => {
    expect(apply({ kind: "merge", bead: 1 })).toEqual([beads[0], b([1, 2, 3], [1]), beads[3]]);
    expect(code(() => apply({ kind: "merge", bead: 3 }))).toBe("noNextBead");
  });

  it("splits a bead in two, refusing a cut that leaves a side of nothing", () => {
    expect(apply({ kind: "split", bead: 1, fr: 1, en: 1 })).toEqual([beads[0], b([1], [1]), b([2], []), beads[2], beads[3]]);
    expect(apply({ kind: "split", bead: 3, fr: 1, en: 1 })).toEqual([...beads.slice(0, 3), b([4], [2]), b([], [3])]);
    expect(code(() => apply({ kind: "split", bead: 0, fr: 1, en: 1 }))).toBe("badSplit");
    expect(code(() => apply({ kind: "split", bead: 9, fr: 1, en: 0 }))).toBe("noSuchBead");
  });

  it("moves a paragraph at a bead's edge across the boundary, dropping a bead left empty", () => {
    expect(apply({ kind: "move", lang: "fr", paragraph: 2, direction: "down" })).toEqual([beads[0], b([1], [1]), b([2, 3], []), beads[3]]);
    expect(apply({ kind: "move", lang: "en", paragraph: 2, direction: "up" })).toEqual([beads[0], beads[1], b([3], [2]), b([4], [3])]);
    expect(apply({ kind: "move", lang: "fr", paragraph: 3, direction: "up" })).toEqual([beads[0], b([1, 2, 3], [1]), beads[3]]);
    expect(code(() => apply({ kind: "move", lang: "fr", paragraph: 1, direction: "down" }))).toBe("notAtEdge");
    expect(code(() => apply({ kind: "move", lang: "fr", paragraph: 0, direction: "up" }))).toBe("notAtEdge");
    expect(code(() => apply({ kind: "move", lang: "en", paragraph: 9, direction: "up" }))).toBe("noSuchParagraph");
  });

  it("marks a paragraph as having no counterpart, its counterpart staying with its neighbours", () => {
    expect(apply({ kind: "detach", lang: "fr", paragraph: 2 })).toEqual([beads[0], b([1], [1]), b([2], []), beads[2], beads[3]]);
    expect(apply({ kind: "detach", lang: "fr", paragraph: 1 })).toEqual([beads[0], b([1], []), b([2], [1]), beads[2], beads[3]]);
    expect(apply({ kind: "detach", lang: "en", paragraph: 0 })).toEqual([b([], [0]), b([0], []), ...beads.slice(1)]);
    expect(code(() => apply({ kind: "detach", lang: "fr", paragraph: 3 }))).toBe("alreadyAlone");
    const three = [b([0, 1, 2], [0])];
    expect(apply({ kind: "detach", lang: "fr", paragraph: 1 }, three)).toEqual([b([0], [0]), b([1], []), b([2], [])]);
  });

  it("keeps every alignment valid whatever the edits", () => {
    let current = beads;
    const edits: AlignmentEdit[] = [
      { kind: "merge", bead: 0 },
      { kind: "detach", lang: "en", paragraph: 1 },
      { kind: "split", bead: 0, fr: 1, en: 1 },
      { kind: "move", lang: "en", paragraph: 2, direction: "up" },
      { kind: "merge", bead: 2 },
    ];
    for (const edit of edits) {
      current = apply(edit, current);
      expect(alignmentProblem(current, { fr: 5, en: 4 })).toBeNull();
    }
  });

  it("reverts a change on its own, even after changes elsewhere, and refuses when later changes touched its beads", () => {
    const merge = applyAlignmentEdit(beads, { kind: "merge", bead: 2 });
    const merged = withWindow(beads, merge);
    // A later change before it shifts the beads' indices.
    const split = withWindow(merged, applyAlignmentEdit(merged, { kind: "split", bead: 1, fr: 1, en: 1 }));
    const undone = withWindow(split, revertWindow(split, merge));
    expect(undone).toEqual(withWindow(split, revertWindow(split, merge)));
    expect(undone.slice(-2)).toEqual([beads[2], beads[3]]);
    const touched = withWindow(merged, applyAlignmentEdit(merged, { kind: "detach", lang: "en", paragraph: 2 }));
    expect(code(() => revertWindow(touched, merge))).toBe("conflict");
  });

  it("finds the window between two alignments", () => {
    expect(diffAlignments(beads, beads)).toBeNull();
    const after = apply({ kind: "merge", bead: 1 });
    expect(diffAlignments(beads, after)).toEqual({ at: 1, before: [beads[1], beads[2]], after: [b([1, 2, 3], [1])] });
  });
});
