import { describe, expect, it } from "vitest";
import { countBy, dismisses, enabledRules, filterFlags, flagKey, mapDismissal, offersFix, openFlags, type FlagView, type ParagraphFlags, type RuleState } from "../../../lib/flags/view";

const flag = (paragraphId: number, over: Partial<FlagView> = {}): FlagView => {
  const f = { paragraph: paragraphId - 1, start: 0, end: 3, rule: "typography/doubled-word", category: "fluency/typography", severity: "minor" as const, message: { key: "checks.messages.x", params: {} }, ...over };
  return { ...f, key: flagKey(paragraphId, 1, f), paragraphId, revision: 1, engine: "fast", dismissal: null, ...over } as FlagView;
};
const rule = (id: string, enabled: boolean): RuleState => ({ id, category: "style", severity: "minor", defaultOn: true, enabled, changedBy: null, changedAt: null });
const dismissal = { id: 1, paragraphId: 1, rule: "typography/doubled-word", baseRevision: 1, start: 0, end: 3, words: "le ", reason: "quoted", author: "rita", at: "2026-01-01T00:00:00Z" };

describe("flag views", () => {
  it("key a flag by paragraph, revision, rule and span", () => {
    expect(flagKey(7, 3, { rule: "a/b", start: 1, end: 4 })).toBe("7:3:a/b:1:4");
  });

  it("silence a flag only with a dismissal of the same rule, words and revision", () => {
    expect(dismisses(dismissal, { rule: "typography/doubled-word", start: 0, end: 3 }, 1)).toBe(true);
    expect(dismisses(dismissal, { rule: "typography/doubled-word", start: 0, end: 3 }, 2)).toBe(false);
    expect(dismisses(dismissal, { rule: "other/rule", start: 0, end: 3 }, 1)).toBe(false);
    expect(dismisses(dismissal, { rule: "typography/doubled-word", start: 0, end: 4 }, 1)).toBe(false);
  });

  it("move a dismissal with a change elsewhere, and end it when the change touches its words", () => {
    expect(mapDismissal({ start: 10, end: 15 }, { start: 0, end: 2, inserted: "Les" })).toEqual({ start: 11, end: 16 });
    expect(mapDismissal({ start: 10, end: 15 }, { start: 20, end: 22, inserted: "" })).toEqual({ start: 10, end: 15 });
    expect(mapDismissal({ start: 10, end: 15 }, { start: 12, end: 13, inserted: "x" })).toBeNull();
  });

  it("count, filter and order the open flags of the rules switched on", () => {
    const paragraphs: ParagraphFlags[] = [
      { paragraphId: 2, position: 1, revision: 1, flags: [flag(2, { start: 5, end: 8 }), flag(2, { rule: "crosslingual/number-mismatch", category: "accuracy/mistranslation" })] },
      { paragraphId: 1, position: 0, revision: 1, flags: [flag(1, { dismissal }), flag(1, { rule: "off/rule", start: 4, end: 6 })] },
    ];
    const on = enabledRules([rule("typography/doubled-word", true), rule("crosslingual/number-mismatch", true), rule("off/rule", false)]);
    const open = openFlags(paragraphs, on);
    expect(open.map((f) => f.key)).toEqual(["2:1:typography/doubled-word:5:8", "2:1:crosslingual/number-mismatch:0:3"]);
    expect([...countBy(open, "category")]).toEqual([["fluency/typography", 1], ["accuracy/mistranslation", 1]]);
    expect(filterFlags(paragraphs, on, {}).map((f) => [f.paragraph, f.start])).toEqual([[1, 0], [1, 5]]);
    expect(filterFlags(paragraphs, on, { category: "fluency/typography" }).map((f) => f.start)).toEqual([5]);
    expect(filterFlags(paragraphs, on, { rule: "crosslingual/number-mismatch" })).toHaveLength(1);
    expect(filterFlags(paragraphs, on, { dismissed: true }).map((f) => f.dismissal?.reason)).toEqual(["quoted"]);
  });

  it("offer a fix only where the replacement is French for the flagged words", () => {
    expect(offersFix({ rule: "typography/doubled-word", replacement: "le" })).toBe(true);
    expect(offersFix({ rule: "typography/doubled-word" })).toBe(false);
    expect(offersFix({ rule: "glossary/admitted-variant", replacement: "puce", evidence: { fr: "chip" } })).toBe(true);
    expect(offersFix({ rule: "glossary/admitted-variant", replacement: "advanced chip", evidence: { en: "cutting-edge chips" } })).toBe(false);
  });
});
