import { describe, expect, it } from "vitest";
import { applyChange, type Change, type Span } from "../../../lib/corrections/change";
import { mapSpan, mapSpanThrough } from "../../../lib/corrections/mapping";
import { below, boundaries, frenchText, mulberry32, pick } from "./random";

const span = (start: number, end: number): Span => ({ start, end });
const change = (start: number, end: number, inserted: string): Change => ({ start, end, inserted });

describe("mapSpan", () => {
  // The accepted change replaces [10, 15) by 8 characters: everything after it moves by +3.
  const replace = change(10, 15, "12345678");
  // A pure insertion of 4 characters at 10, a pure deletion of [10, 15).
  const insert = change(10, 10, "abcd");
  const remove = change(10, 15, "");

  it.each([
    ["before the change", span(2, 6), replace, span(2, 6)],
    ["ending where the change starts", span(4, 10), replace, span(4, 10)],
    ["starting where the change ends (shifted)", span(15, 20), replace, span(18, 23)],
    ["after the change (shifted)", span(30, 31), replace, span(33, 34)],
    ["after a deletion (shifted back)", span(20, 25), remove, span(15, 20)],
    ["after an insertion (shifted)", span(12, 14), insert, span(16, 18)],
    ["ending at an insertion point", span(5, 10), insert, span(5, 10)],
    ["starting at an insertion point (shifted)", span(10, 12), insert, span(14, 16)],
    ["an insertion at the start of a replaced range", span(10, 10), replace, span(10, 10)],
    ["an insertion at the end of a replaced range (shifted)", span(15, 15), replace, span(18, 18)],
  ])("keeps a span %s", (_, s, c, expected) => {
    expect(mapSpan(s, c)).toEqual(expected);
  });

  it.each([
    ["overlapping the start of the change", span(8, 12), replace],
    ["overlapping the end of the change", span(14, 18), replace],
    ["inside the change", span(11, 13), replace],
    ["containing the change", span(5, 20), replace],
    ["equal to the change", span(10, 15), replace],
    ["containing an insertion point", span(8, 12), insert],
    ["an insertion strictly inside the changed range", span(12, 12), replace],
    ["an insertion strictly inside a deleted range", span(14, 14), remove],
    ["an insertion at the same point as the accepted insertion", span(10, 10), insert],
  ])("marks stale a span %s", (_, s, c) => {
    expect(mapSpan(s, c)).toBeNull();
  });

  it("does not modify its arguments", () => {
    const s = span(20, 22);
    const mapped = mapSpan(s, replace);
    expect(s).toEqual(span(20, 22));
    expect(mapped).not.toBe(s);
  });

  it("refuses inverted spans", () => {
    expect(() => mapSpan(span(5, 3), replace)).toThrow(RangeError);
    expect(() => mapSpan(span(1, 3), change(5, 3, ""))).toThrow(RangeError);
  });
});

describe("mapSpanThrough", () => {
  it("maps through changes in order", () => {
    const changes = [change(0, 0, "Oui, "), change(10, 15, "")];
    // [20, 25) → [25, 30) after the insertion → [20, 25) after the deletion.
    expect(mapSpanThrough(span(20, 25), changes)).toEqual(span(20, 25));
    expect(mapSpanThrough(span(3, 4), changes)).toEqual(span(8, 9));
  });

  it("is stale as soon as one change makes it stale", () => {
    // After the insertion [8, 12) has become [13, 17), which the deletion of [10, 15) overlaps.
    expect(mapSpanThrough(span(8, 12), [change(0, 0, "Oui, "), change(10, 15, "")])).toBeNull();
  });

  it("leaves a span unchanged when there is no change", () => {
    expect(mapSpanThrough(span(3, 7), [])).toEqual(span(3, 7));
  });
});

describe("mapSpan, property: a mapped suggestion still deletes its text, and accepting commutes", () => {
  /// Whether the two ranges really conflict: they share a character, one is a position strictly
  /// inside the other, or both are insertions at the same position.
  const conflict = (a: Span, b: Span) =>
    (a.start < b.end && b.start < a.end) ||
    (a.start === a.end && b.start < a.start && a.start < b.end) ||
    (b.start === b.end && a.start < b.start && b.start < a.end) ||
    (a.start === a.end && b.start === b.end && a.start === b.start);

  const INSERTIONS = ["", "", "é", "l'", " ", "\u202f", "comblé", "😀", "Noël et 🇫🇷"];

  it("holds over 3,000 random French texts, suggestions and accepted changes", () => {
    const random = mulberry32(20240611);
    let kept = 0;
    let stale = 0;
    for (let i = 0; i < 3000; i++) {
      const text = frenchText(random, 1, 6);
      const at = boundaries(text);
      const ends = (): [number, number] => {
        const a = pick(random, at);
        const b = below(random, 4) === 0 ? a : pick(random, at); // often zero-width
        return [Math.min(a, b), Math.max(a, b)];
      };
      const [s0, s1] = ends();
      let [c0, c1] = ends();
      if (below(random, 4) === 0) [c0, c1] = pick(random, [[s0, s0], [s1, s1], [s0, s1], [Math.min(s1, c1), Math.max(s1, c1)]]);
      const suggestion = change(s0, s1, pick(random, INSERTIONS));
      const accepted = change(c0, c1, pick(random, INSERTIONS));

      const after = applyChange(text, accepted);
      const mapped = mapSpan(suggestion, accepted);
      expect(mapped === null, JSON.stringify({ text, suggestion, accepted })).toBe(conflict(suggestion, accepted));
      if (mapped === null) {
        stale++;
        continue;
      }
      kept++;
      expect(after.slice(mapped.start, mapped.end)).toBe(text.slice(suggestion.start, suggestion.end));

      // The other order: the suggestion first, then the accepted change mapped through it.
      const acceptedAfter = mapSpan(accepted, suggestion);
      expect(acceptedAfter).not.toBeNull();
      const thisOrder = applyChange(after, { ...mapped!, inserted: suggestion.inserted });
      const otherOrder = applyChange(applyChange(text, suggestion), { ...acceptedAfter!, inserted: accepted.inserted });
      expect(thisOrder).toBe(otherOrder);
    }
    // Both outcomes are well represented, edge cases included.
    expect(kept).toBeGreaterThan(600);
    expect(stale).toBeGreaterThan(600);
  });

  it("mapping through several changes is mapping through each in turn", () => {
    const random = mulberry32(99);
    for (let i = 0; i < 2000; i++) {
      let text = frenchText(random);
      const original = text;
      const at = boundaries(text);
      const [a, b] = [pick(random, at), pick(random, at)].sort((x, y) => x - y);
      const suggestion = span(a, b);
      const changes: Change[] = [];
      for (let k = 0; k < 3; k++) {
        const here = boundaries(text);
        const [x, y] = [pick(random, here), pick(random, here)].sort((p, q) => p - q);
        const c = change(x, y, pick(random, INSERTIONS));
        changes.push(c);
        text = applyChange(text, c);
      }
      const mapped = mapSpanThrough(suggestion, changes);
      let stepByStep: Span | null = suggestion;
      for (const c of changes) stepByStep = stepByStep && mapSpan(stepByStep, c);
      expect(mapped).toEqual(stepByStep);
      if (mapped) expect(text.slice(mapped.start, mapped.end)).toBe(original.slice(a, b));
    }
  });
});
