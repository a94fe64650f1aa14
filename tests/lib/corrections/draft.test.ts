import { describe, expect, it } from "vitest";
import { applyChange } from "../../../lib/corrections/change";
import { draftToFixes, type Fix } from "../../../lib/corrections/draft";
import { below, mulberry32, pick, SEPARATORS, WORDS } from "./random";

/// Applies fixes from last to first, so that earlier offsets stay valid.
const applyFixes = (text: string, fixes: Fix[]) => fixes.reduceRight((t, fix) => applyChange(t, fix), text);

describe("draftToFixes", () => {
  it("gives one fix for one changed word", () => {
    const original = "Ils semblent avoir commis l'écart";
    expect(draftToFixes(original, "Ils semblent avoir comblé l'écart")).toEqual([
      { start: 19, end: 25, deleted: "commis", inserted: "comblé" },
    ]);
    expect(original.slice(19, 25)).toBe("commis");
  });

  it("gives one fix per separated change", () => {
    expect(draftToFixes("Ils semblent avoir commis l'écart", "Elles semblent avoir comblé l'écart")).toEqual([
      { start: 0, end: 3, deleted: "Ils", inserted: "Elles" },
      { start: 19, end: 25, deleted: "commis", inserted: "comblé" },
    ]);
  });

  it("gives a deletion with an empty inserted text", () => {
    expect(draftToFixes("Ils ont très bien élargi l'écart", "Ils ont bien élargi l'écart")).toEqual([
      { start: 8, end: 13, deleted: "très ", inserted: "" },
    ]);
  });

  it("gives an insertion with an empty deleted text at a position", () => {
    expect(draftToFixes("Ils ont élargi l'écart", "Ils ont déjà élargi l'écart")).toEqual([
      { start: 8, end: 8, deleted: "", inserted: "déjà " },
    ]);
  });

  it("sees a change of spaces alone (French typography)", () => {
    expect(draftToFixes("simple: en", "simple : en")).toEqual([{ start: 6, end: 6, deleted: "", inserted: " " }]);
    expect(draftToFixes("simple : en", "simple\u202f: en")).toEqual([
      { start: 6, end: 7, deleted: " ", inserted: "\u202f" },
    ]);
    expect(draftToFixes("« Bonjour»", "« Bonjour\u00a0»")).toEqual([{ start: 9, end: 9, deleted: "", inserted: "\u00a0" }]);
  });

  it("gives nothing for identical texts, and for texts equal once NFC-normalised", () => {
    expect(draftToFixes("Ils ont élargi l'écart", "Ils ont élargi l'écart")).toEqual([]);
    expect(draftToFixes("", "")).toEqual([]);
    expect(draftToFixes("e\u0301te\u0301", "été")).toEqual([]);
  });

  it("counts offsets in the NFC original", () => {
    // "été" decomposed is 5 code units, composed 3: the fix starts after the composed word.
    expect(draftToFixes("e\u0301te\u0301 chaud", "été froid")).toEqual([{ start: 4, end: 9, deleted: "chaud", inserted: "froid" }]);
  });

  it("handles an empty original or an emptied draft", () => {
    expect(draftToFixes("", "Bonjour")).toEqual([{ start: 0, end: 0, deleted: "", inserted: "Bonjour" }]);
    expect(draftToFixes("Bonjour", "")).toEqual([{ start: 0, end: 7, deleted: "Bonjour", inserted: "" }]);
  });

  it("counts UTF-16 code units around astral characters", () => {
    expect(draftToFixes("un 😀 et deux", "un 😀 et trois")).toEqual([{ start: 9, end: 13, deleted: "deux", inserted: "trois" }]);
  });
});

describe("draftToFixes, property: the fixes rebuild the draft", () => {
  /// A random edit of a paragraph made of words and separators.
  function edit(random: () => number, words: string[], separators: string[]): void {
    const i = below(random, words.length);
    switch (below(random, 6)) {
      case 0: words[i] = pick(random, WORDS); break; // replace a word
      case 1: if (words.length > 1) { words.splice(i, 1); separators.splice(Math.max(0, i - 1), 1); } break; // delete one
      case 2: words.splice(i, 0, pick(random, WORDS)); separators.splice(i, 0, pick(random, SEPARATORS)); break; // insert one
      case 3: if (separators.length) separators[below(random, separators.length)] = pick(random, SEPARATORS); break; // respace
      case 4: words[i] = words[i].toUpperCase(); break; // change case
      case 5: words[i] = words[i] + pick(random, [".", ",", "s", "e\u0301", "😀"]); break; // change the end of a word
    }
  }
  const join = (words: string[], separators: string[]) => words.map((w, k) => (k ? separators[k - 1] : "") + w).join("");

  it("holds for 2,000 random edits of French text", () => {
    const random = mulberry32(42);
    for (let n = 0; n < 2000; n++) {
      const count = 1 + below(random, 10);
      const words = Array.from({ length: count }, () => pick(random, WORDS));
      const separators = Array.from({ length: count - 1 }, () => pick(random, SEPARATORS));
      const original = join(words, separators).normalize("NFC");
      const edits = 1 + below(random, 3);
      for (let e = 0; e < edits; e++) edit(random, words, separators);
      const draft = join(words, separators);

      const fixes = draftToFixes(original, draft);
      const context = JSON.stringify({ original, draft, fixes });
      expect(applyFixes(original, fixes), context).toBe(draft.normalize("NFC"));
      fixes.forEach((fix, k) => {
        expect(original.slice(fix.start, fix.end)).toBe(fix.deleted);
        expect(fix.deleted).not.toBe(fix.inserted);
        if (k > 0) expect(fix.start, context).toBeGreaterThan(fixes[k - 1].end); // one fix per changed span
      });
      if (original === draft.normalize("NFC")) expect(fixes).toEqual([]);
    }
  });
});
