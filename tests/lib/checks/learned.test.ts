import { describe, expect, it } from "vitest";
import { learnedPatterns, ruleRegistry } from "../../../lib/checks";
import { flagsOf, spans } from "./support";

const rule = "learned/accepted-fix";

describe("learned/accepted-fix", () => {
  it("is a rule of its own, named as learned", () => {
    expect(ruleRegistry.find((r) => r.id === rule)).toMatchObject({ defaultOn: true });
  });

  it("flags the wrong words of an accepted fix elsewhere, with the fix", () => {
    const learned = [{ wrong: "Deepseek", right: "DeepSeek" }];
    const fr = ["Deepseek a publié V3. Le modèle de Deepseek est ouvert."];
    expect(spans(flagsOf(rule, { fr }, { learned }), fr)).toEqual([
      ["Deepseek", "DeepSeek"],
      ["Deepseek", "DeepSeek"],
    ]);
  });

  it("looks for a one-word fix only with the words around it", () => {
    const learned = [{ wrong: "commis", right: "comblé", context: "Ils semblent avoir commis l'écart de performance." }];
    const fr = ["Ils ont commis une erreur, puis ont pu avoir commis l'écart."];
    expect(spans(flagsOf(rule, { fr }, { learned }), fr)).toEqual([["commis", "comblé"]]);
  });

  it("skips a span that already carries an open suggestion with the same fix", () => {
    const learned = [{ wrong: "Deepseek", right: "DeepSeek" }];
    const fr = ["Deepseek et Deepseek."];
    const openProposals = [{ paragraph: 0, start: 0, end: 8, inserted: "DeepSeek" }];
    expect(spans(flagsOf(rule, { fr }, { learned, openProposals }), fr)).toEqual([["Deepseek", "DeepSeek"]]);
    expect(flagsOf(rule, { fr }, { learned, openProposals })[0]!.start).toBe(12);
  });

  it("gives its flags the accepted fix's category and severity", () => {
    const learned = [{ wrong: "Deepseek", right: "DeepSeek", category: "fluency/spelling", severity: "major" as const }];
    expect(flagsOf(rule, "Deepseek.", { learned })[0]).toMatchObject({ rule, category: "fluency/spelling", severity: "major" });
  });

  it("learns nothing from empty or no-op fixes", () => {
    expect(learnedPatterns([{ wrong: "", right: "x" }, { wrong: "a", right: "a" }])).toEqual([]);
    expect(flagsOf(rule, "Deepseek.")).toEqual([]);
  });
});
