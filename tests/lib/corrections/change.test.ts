import { describe, expect, it } from "vitest";
import { applyChange, invertChange, type Change } from "../../../lib/corrections/change";
import { boundaries, below, frenchText, mulberry32, pick, WORDS } from "./random";

describe("applyChange", () => {
  const text = "Ils semblent avoir commis l'écart.";

  it("replaces a span", () => {
    expect(applyChange(text, { start: 19, end: 25, inserted: "comblé" })).toBe("Ils semblent avoir comblé l'écart.");
  });

  it("inserts at a position and deletes a span", () => {
    expect(applyChange("simple: en", { start: 6, end: 6, inserted: "\u202f" })).toBe("simple\u202f: en");
    expect(applyChange(text, { start: 12, end: 18, inserted: "" })).toBe("Ils semblent commis l'écart.");
  });

  it("works at both ends of the text and counts UTF-16 code units", () => {
    expect(applyChange("écart", { start: 0, end: 0, inserted: "l'" })).toBe("l'écart");
    expect(applyChange("écart", { start: 5, end: 5, inserted: "s" })).toBe("écarts");
    expect(applyChange("un 😀 deux", { start: 3, end: 5, inserted: "🇫🇷" })).toBe("un 🇫🇷 deux");
  });

  it("refuses spans out of range or inverted", () => {
    for (const bad of [
      { start: -1, end: 2, inserted: "" },
      { start: 3, end: 2, inserted: "" },
      { start: 0, end: 6, inserted: "" },
      { start: 0.5, end: 1, inserted: "" },
    ]) {
      expect(() => applyChange("écart", bad)).toThrow(RangeError);
    }
  });
});

describe("invertChange", () => {
  it("gives the change that undoes a replacement, an insertion and a deletion", () => {
    const text = "avoir commis l'écart";
    const changes: Change[] = [
      { start: 6, end: 12, inserted: "comblé" },
      { start: 5, end: 5, inserted: " déjà" },
      { start: 0, end: 6, inserted: "" },
    ];
    expect(invertChange(text, changes[0])).toEqual({ start: 6, end: 12, inserted: "commis" });
    expect(invertChange(text, changes[1])).toEqual({ start: 5, end: 10, inserted: "" });
    expect(invertChange(text, changes[2])).toEqual({ start: 0, end: 0, inserted: "avoir " });
  });

  it("undoes any change (random cases)", () => {
    const random = mulberry32(7);
    for (let i = 0; i < 500; i++) {
      const text = frenchText(random);
      const at = boundaries(text);
      const a = pick(random, at);
      const b = pick(random, at);
      const change = { start: Math.min(a, b), end: Math.max(a, b), inserted: below(random, 3) === 0 ? "" : pick(random, WORDS) };
      const after = applyChange(text, change);
      expect(applyChange(after, invertChange(text, change))).toBe(text);
    }
  });

  it("refuses a change that does not fit the text", () => {
    expect(() => invertChange("abc", { start: 2, end: 4, inserted: "" })).toThrow(RangeError);
  });
});
