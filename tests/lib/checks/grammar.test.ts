import { describe, expect, it } from "vitest";
import { grammarFamily, ruleRegistry, type GrammarError } from "../../../lib/checks";
import { flagsOf } from "./support";

const error = (over: Partial<GrammarError>): GrammarError => ({
  paragraph: 0,
  start: 4,
  end: 8,
  ruleId: "g3__gn_les_1m__b3_a1_1",
  type: "gn",
  message: "Accord de nombre erroné : « chat » devrait être au pluriel.",
  suggestions: ["chats"],
  ...over,
});

describe("grammar rules (Grammalecte's results)", () => {
  it("sorts Grammalecte's error types into families and leaves typography to the typography rules", () => {
    expect(grammarFamily("gn")).toBe("grammar/agreement");
    expect(grammarFamily("conj")).toBe("grammar/conjugation");
    expect(grammarFamily("conf")).toBe("grammar/confusion");
    expect(grammarFamily("pleo")).toBe("grammar/other");
    expect(grammarFamily("apos")).toBeUndefined();
    expect(grammarFamily("nbsp")).toBeUndefined();
  });

  it("turns an error of its family into a flag with Grammalecte's message and first suggestion", () => {
    const grammar = [error({}), error({ start: 14, end: 18, type: "conj", ruleId: "g2__conj", message: "Conjugaison erronée.", suggestions: ["sont"] })];
    const flags = flagsOf("grammar/agreement", "Les chat sont noir.", { grammar });
    expect(flags).toEqual([
      expect.objectContaining({ start: 4, end: 8, rule: "grammar/agreement", category: "fluency/grammar", replacement: "chats", message: { key: "checks.messages.grammar", params: { message: grammar[0]!.message, grammalecteRule: grammar[0]!.ruleId } } }),
    ]);
    expect(flagsOf("grammar/conjugation", "Les chat sont noir.", { grammar }).map((f) => f.replacement)).toEqual(["sont"]);
  });

  it("raises nothing without Grammalecte's results, and ignores errors of other paragraphs or past the end", () => {
    expect(flagsOf("grammar/agreement", "Les chat sont noir.")).toEqual([]);
    expect(flagsOf("grammar/agreement", "Les chat.", { grammar: [error({ paragraph: 1 }), error({ end: 99 })] })).toEqual([]);
  });

  it("marks the grammar rules as needing Grammalecte; the family measured under 50 % is off", () => {
    const grammar = ruleRegistry.filter((r) => r.id.startsWith("grammar/"));
    expect(grammar.every((r) => r.engine === "grammalecte")).toBe(true);
    expect(grammar.find((r) => r.id === "grammar/other")?.defaultOn).toBe(false);
  });
});
