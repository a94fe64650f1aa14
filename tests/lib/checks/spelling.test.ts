import { describe, expect, it } from "vitest";
import { spellingQueries, splitQueries, wordListSpeller } from "../../../lib/checks";
import { buildTermIndex } from "../../../lib/glossary/match";
import { flagsOf, spans } from "./support";

const FRENCH = ["les", "fabricants", "ont", "dû", "fait", "valoir", "leurs", "droits", "autorités", "renforcé", "contrôles", "sur", "la", "le", "modèle", "de", "est", "et", "en", "ligne", "code", "puces", "rivalise", "avec", "pour", "une", "fraction", "du", "coût", "écart", "commis", "ils", "semblent", "avoir", "inadvertance", "ment", "documentation", "sur"];
const speller = wordListSpeller(FRENCH);
const check = (rule: string, fr: string, en?: string, env = {}) => spans(flagsOf(rule, fr, { speller, ...env }, en), fr);

describe("spelling/unknown-word", () => {
  const rule = "spelling/unknown-word";
  it("flags a word the dictionary does not know", () => {
    expect(check(rule, "Les autorités ont renforcé les controles.")).toEqual([["controles", undefined]]);
  });
  it("judges the word after an elision, and a sentence-initial word in lower case", () => {
    expect(check(rule, "Ils semblent avoir commis l'ecart. Fabricants et puces.")).toEqual([["ecart", undefined]]);
  });
  it("never flags names of the aligned English or the glossary, numbers, codes, acronyms or URLs", () => {
    const glossary = buildTermIndex([{ id: "x", langs: { fr: { notes: [], terms: [{ text: "grappe de calcul", status: "preferred" }] } } }]);
    const fr = "Le modèle V3 de Deepseek rivalise avec GPT-4o, les puces A100 et la grappe de calcul : 2024, IA, https://exemple.org/documentation-en-ligne et DeepSeek.";
    expect(check(rule, fr, "DeepSeek's V3 model rivals GPT-4o.", { glossary })).toEqual([]);
  });
  it("raises nothing without a speller (the engine is missing)", () => {
    expect(spans(flagsOf(rule, "Les controles."), "Les controles.")).toEqual([]);
  });
});

describe("spelling/run-together", () => {
  const rule = "spelling/run-together";
  it("splits run-together words back into known words as the fix", () => {
    expect(check(rule, "Les fabricants ont dû faitvaloir leurs droits.")).toEqual([["faitvaloir", "fait valoir"]]);
  });
  it("does not split off a suffix that is also a word", () => {
    expect(check(rule, "Les fabricants ont inadvertancement renforcé.")).toEqual([]);
    expect(check("spelling/unknown-word", "Les fabricants ont inadvertancement renforcé.")).toEqual([["inadvertancement", undefined]]);
  });
});

describe("spellingQueries and splitQueries", () => {
  it("list each word once, elisions removed, compounds and their parts, sentence-initial words in lower case too", () => {
    expect(spellingQueries(["L'écart des États-Unis, l'écart. Les 3 puces A100."]).sort()).toEqual(
      ["Les", "les", "des", "puces", "écart", "États", "États-Unis", "Unis"].sort(),
    );
  });
  it("list the halves of every split of the unknown words", () => {
    expect(splitQueries(["faitvaloir"])).toEqual(expect.arrayContaining(["fait", "valoir", "faitv", "aloir"]));
    expect(splitQueries(["abc"])).toEqual([]);
  });
});
