import { describe, expect, it } from "vitest";
import { activeRules, checkDocument, ruleRegistry } from "../../../lib/checks";
import { isMqmCategory, isSeverity } from "../../../lib/corrections/categories";
import en from "../../../locales/en/common.json";
import fr from "../../../locales/fr/common.json";

describe("ruleRegistry", () => {
  it("describes every rule with a unique id, an MQM category, a severity and localized names", () => {
    const ids = ruleRegistry.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of ruleRegistry) {
      expect(isMqmCategory(r.category), r.id).toBe(true);
      expect(isSeverity(r.severity), r.id).toBe(true);
      expect(typeof r.defaultOn).toBe("boolean");
      expect((en.checks.rules as Record<string, string>)[r.id], r.id).toBeTruthy();
      expect((fr.checks.rules as Record<string, string>)[r.id], r.id).toBeTruthy();
    }
  });

  it("names the learned rule as learned and keeps the glossary rule ids", () => {
    expect(ids()).toEqual(expect.arrayContaining(["glossary/deprecated-term", "glossary/admitted-variant", "glossary/missing-equivalent"]));
    expect(ids().filter((id) => id.includes("learned"))).toEqual(["learned/accepted-fix"]);
  });

  it("switches rules off and on", () => {
    const off = ruleRegistry.find((r) => !r.defaultOn);
    const on = activeRules({ disabled: ["typography/doubled-word"], ...(off ? { enabled: [off.id] } : {}) }).map((r) => r.id);
    expect(on).not.toContain("typography/doubled-word");
    if (off) expect(on).toContain(off.id);
  });
});

function ids() {
  return ruleRegistry.map((r) => r.id);
}

describe("checkDocument", () => {
  it("returns flags with a message key of the checks section that exists in both languages", () => {
    const flags = checkDocument({ fr: ["Il a dit le le mot : « bonjour»."] }, {});
    expect(flags.length).toBeGreaterThan(0);
    for (const f of flags) {
      expect(f.message.key).toMatch(/^checks\.messages\./);
      const name = f.message.key.split(".").at(-1)!;
      expect((en.checks.messages as Record<string, string>)[name]).toBeTruthy();
      expect((fr.checks.messages as Record<string, string>)[name]).toBeTruthy();
    }
  });

  it("reads the English through the beads, and checks French paragraphs no bead holds", () => {
    const input = {
      fr: ["En 2018, il a vendu des puces.", "Il en a vendu 200 000.", "Le le reste."],
      en: ["In 2018, he sold chips. He sold 200,000 of them."],
      pairs: [{ fr: [0, 1], en: [0] }],
    };
    const flags = checkDocument(input, {}, { disabled: ["crosslingual/length-ratio"] });
    expect(flags.map((f) => [f.paragraph, f.rule])).toEqual([[2, "typography/doubled-word"]]);
    const shifted = checkDocument({ ...input, en: ["In 2019, he sold chips. He sold 200,000 of them."] }, {}, { disabled: ["crosslingual/length-ratio"] });
    expect(shifted.map((f) => [f.paragraph, f.rule, f.evidence])).toEqual([
      [0, "crosslingual/number-mismatch", { en: "2019", fr: "2018" }],
      [2, "typography/doubled-word", undefined],
    ]);
  });

  it("honours disabled rules and the only option", () => {
    const input = { fr: ["le le chat", "la la vache"] };
    expect(checkDocument(input, {}).map((f) => f.paragraph)).toEqual([0, 1]);
    expect(checkDocument(input, {}, { only: [1] }).map((f) => f.paragraph)).toEqual([1]);
    expect(checkDocument(input, {}, { disabled: ["typography/doubled-word"] })).toEqual([]);
  });
});
