import { describe, expect, it } from "vitest";
import { buildTermIndex } from "../../../lib/glossary/match";
import type { TermEntry } from "../../../lib/glossary/model";
import { checkGlossaryConsistency } from "../../../lib/glossary/consistency";
import { flagsOf, spans } from "./support";

const entry = (id: string, fr: Array<[string, "preferred" | "admitted" | "deprecated"]>, en: Array<[string, "preferred" | "admitted" | "deprecated"]>): TermEntry => ({
  id,
  langs: {
    fr: { notes: [], terms: fr.map(([text, status]) => ({ text, status })) },
    en: { notes: [], terms: en.map(([text, status]) => ({ text, status })) },
  },
});

const glossary = buildTermIndex([
  entry("chip", [["puce", "preferred"], ["jeton", "deprecated"]], [["chip", "preferred"]]),
  entry("ai-race", [["course à l'IA", "preferred"], ["race de l'IA", "deprecated"]], [["AI race", "preferred"]]),
  entry("capital-investment", [["investissement en capital", "preferred"]], [["capital investment", "preferred"]]),
  entry("deployment", [["déploiement", "preferred"]], [["deployment", "preferred"]]),
  entry("export-controls", [["contrôles d'exportation", "preferred"], ["contrôles des exportations", "admitted"]], [["export controls", "preferred"]]),
]);
const env = { glossary };
const check = (rule: string, fr: string, en?: string) => spans(flagsOf(rule, fr, env, en), fr);

describe("glossary rules in the registry", () => {
  it("flag a deprecated term with the recommended one as the fix", () => {
    const flags = flagsOf("glossary/deprecated-term", "Ces jetons sont chers.", env, "These chips are expensive.");
    expect(flags).toEqual([expect.objectContaining({ start: 4, end: 10, replacement: "puces", entry: "chip", category: "terminology", severity: "major" })]);
  });

  it("flag a deprecated term with words slipped in (no fix offered)", () => {
    expect(check("glossary/deprecated-term", "La race mondiale de l'IA s'accélère.", "The global AI race is accelerating.")).toEqual([["race mondiale de l'IA", undefined]]);
  });

  it("keep admitted variants off by default (they measure under 50 %) but flag them when switched on", () => {
    expect(check("glossary/admitted-variant", "Les contrôles des exportations.", "Export controls.")).toEqual([["contrôles des exportations", "contrôles d'exportation"]]);
  });

  it("flag a term of the English whose French equivalent is missing, in the sentence that should hold it", () => {
    expect(check("glossary/missing-equivalent", "Les composants coûtent cher. Rien de plus.", "Chips cost a lot. Nothing more.")).toEqual([["Les composants coûtent cher.", undefined]]);
  });
});

describe("glossary consistency: the false alarms a new user found", () => {
  const missing = (fr: string, en: string) => [
    ...check("glossary/missing-equivalent", fr, en),
    ...checkGlossaryConsistency(glossary, fr, en).filter((f) => f.rule === "glossary/missing-equivalent").map((f) => [f.lang, f.params.term]),
  ];

  it("does not take CHIPS in “CHIPS Act” for the term chip", () => {
    expect(missing("Le CHIPS Act subventionne la fabrication de semi-conducteurs.", "The CHIPS Act subsidizes semiconductor manufacturing.")).toEqual([]);
    expect(missing("Le Chips Act subventionne la fabrication.", "The Chips Act subsidizes manufacturing.")).toEqual([]);
  });

  it("takes a paraphrase that keeps the content words for the term", () => {
    expect(missing("La course mondiale à l'IA s'accélère.", "The global AI race is accelerating.")).toEqual([]);
    expect(missing("Elles auraient suivi la voie de l'investissement massif en capital.", "They would have followed the path of massive capital investment.")).toEqual([]);
  });

  it("takes another part of speech of the same stem for the term", () => {
    expect(missing("Ces puces servent au déploiement de systèmes d'IA.", "These chips are used for deploying AI systems.")).toEqual([]);
  });

  it("still flags a term whose equivalent really is missing, on both paths", () => {
    expect(missing("Ces puces sont chères.", "These tokens are expensive.")).toEqual([["puces", undefined], ["fr", "puce"]]);
  });
});
