import { describe, expect, it } from "vitest";
import { wordListSpeller } from "../../../lib/checks";
import { flagsOf, spans } from "./support";

const check = (rule: string, fr: string, en: string, env = {}) => spans(flagsOf(rule, fr, env, en), fr);

describe("crosslingual/number-mismatch", () => {
  const rule = "crosslingual/number-mismatch";
  it("accepts the same numbers in French and English formats", () => {
    expect(check(rule, "Il a promis 100 millions de dollars pour former 200 000 techniciens, soit 3,5 % de plus.", "He pledged $100 million to train 200,000 technicians, 3.5% more.")).toEqual([]);
    expect(check(rule, "Les ventes ont atteint 1 000 milliards de dollars, deux fois plus qu'en 2019.", "Sales reached $1 trillion, twice as much as in 2019.")).toEqual([]);
  });
  it("flags a changed number with the English value as the fix and both sides as evidence", () => {
    const flags = flagsOf(rule, "En 2018, il a vendu 200 000 puces.", {}, "In 2019, he sold 200,000 chips.");
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ start: 3, end: 7, replacement: "2019", evidence: { en: "2019", fr: "2018" }, message: { key: "checks.messages.numberChanged", params: { en: "2019", fr: "2018" } } });
  });
  it("flags a scale word mistranslated (the French billion is a thousand times the English)", () => {
    expect(check(rule, "Les ventes ont atteint 1 billion de dollars.", "Sales reached $1 billion.")).toEqual([["1 billion", undefined]]);
  });
  it("flags a number the French lacks in the sentence that should hold it", () => {
    expect(check(rule, "Le contrat court jusqu'à la fin. Il est signé.", "The contract runs until 2030. It is signed.")).toEqual([["Le contrat court jusqu'à la fin.", undefined]]);
  });
});

describe("crosslingual names", () => {
  it("flags a name in another case, with the English spelling as the fix", () => {
    expect(check("crosslingual/name-case", "Selon Sam Altman, Openai prévoit de lancer l'Iphone.", "According to Sam Altman, OpenAI plans to launch the iPhone.")).toEqual([
      ["Openai", "OpenAI"],
      ["Iphone", "iPhone"],
    ]);
  });
  it("does not take a house style in capitals for a miscased name", () => {
    expect(check("crosslingual/name-case", "Les GPU de NVIDIA.", "Nvidia's GPUs.")).toEqual([]);
  });
  it("flags a name whose words are scrambled, with the name as the fix", () => {
    expect(check("crosslingual/name-garbled", "Dario Amodei et Brundage de miles ont répondu.", "Dario Amodei and Miles Brundage replied.")).toEqual([["Brundage de miles", "Miles Brundage"]]);
  });
  it("flags a name or code of the English missing from the French", () => {
    expect(check("crosslingual/name-missing", "Microsoft et Alphabet investissent.", "Microsoft and Google are investing.")).toEqual([["Microsoft et Alphabet investissent.", undefined]]);
    expect(check("crosslingual/name-missing", "Les puces A100 sont interdites.", "A100 and H800 chips are banned.")).toEqual([["Les puces A100 sont interdites.", undefined]]);
  });
  it("accepts names French translates or writes its own way, codes and titles", () => {
    const fr = "Le président Emmanuel Macron a reçu à Londres le chancelier Olaf Scholz, le PDG de Google et des experts de l'Union européenne, de Chine et d'Irlande, pour parler de GPT-5 et de la puce A17 Pro.";
    const en = "President Emmanuel Macron hosted Chancellor Olaf Scholz, Google's CEO and experts from the European Union, China and Ireland in London, to discuss GPT-5 and the A17 Pro chip.";
    for (const rule of ["crosslingual/name-case", "crosslingual/name-garbled", "crosslingual/name-missing"]) expect(check(rule, fr, en), rule).toEqual([]);
  });

  it("accepts places and peoples whose French names share few letters with the English", () => {
    expect(check("crosslingual/name-missing", "Des diplomates polonais et turcs se sont réunis à Pékin et à Bruxelles avec le pape François.", "Polish and Turkish diplomats met in Beijing and Brussels with Pope Francis.")).toEqual([]);
  });
});

describe("crosslingual/untranslated", () => {
  const rule = "crosslingual/untranslated";
  const speller = wordListSpeller(["les", "modèles", "sont", "déployés", "dans", "le", "cloud", "budget", "transition", "stratégie", "cette", "a", "échoué"], ["deployed", "which", "aims", "to", "slow"]);
  it("flags English words of the aligned paragraph that are not French words, as one span", () => {
    expect(check(rule, "Cette stratégie, which aims to slow la Chine, a échoué.", "This strategy, which aims to slow China, has failed.", { speller })).toEqual([["which aims to slow", undefined]]);
    expect(check(rule, "Les modèles sont deployed dans le cloud.", "The models are deployed in the cloud.", { speller })).toEqual([["deployed", undefined]]);
  });
  it("accepts words both languages share and names", () => {
    expect(check(rule, "Les modèles sont déployés dans le cloud.", "The models are deployed in the cloud.", { speller })).toEqual([]);
    expect(check(rule, "Le budget de la transition.", "The budget of the transition.", { speller })).toEqual([]);
  });
  it("knows the commonest English words without a speller", () => {
    expect(check(rule, "La stratégie, which vise la Chine.", "The strategy, which targets China.")).toEqual([["which", undefined]]);
  });
});

describe("crosslingual/length-ratio", () => {
  const rule = "crosslingual/length-ratio";
  const en = "The ministry published new rules, which take effect in May and cover every chip designed abroad, whatever its use, its buyer or the country where it is finally assembled and sold.";
  it("flags a French paragraph much shorter than its English (a likely omission)", () => {
    const flags = flagsOf(rule, "Le ministère a publié de nouvelles règles.", {}, en);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ category: "accuracy/omission", message: { key: "checks.messages.tooShort" } });
  });
  it("flags one much longer (a likely addition)", () => {
    const flags = flagsOf(rule, "Les négociations reprendront lundi à Genève. Les deux délégations ont prévu de se retrouver plusieurs fois d'ici à la fin du mois, selon des sources proches du dossier.", {}, "Negotiations will resume on Monday in Geneva.");
    expect(flags.map((f) => [f.category, f.message.key])).toEqual([["accuracy/addition", "checks.messages.tooLong"]]);
  });
  it("accepts a faithful rendering and leaves very short paragraphs alone", () => {
    expect(flagsOf(rule, "Le ministère a publié de nouvelles règles, qui entreront en vigueur en mai et couvriront toutes les puces conçues à l'étranger, quels que soient leur usage, leur acheteur ou le pays où elles sont finalement assemblées et vendues.", {}, en)).toEqual([]);
    expect(flagsOf(rule, "Oui.", {}, "Yes, of course, certainly.")).toEqual([]);
  });
});
