import { describe, expect, it } from "vitest";
import { flagsOf, spans } from "./support";

const check = (rule: string, text: string) => spans(flagsOf(rule, text), text);

describe("typography/space-before-punctuation", () => {
  const rule = "typography/space-before-punctuation";
  it("flags : ; ! ? glued to the word before, with a no-break space as the fix", () => {
    expect(check(rule, "Pourquoi? La réponse est simple; la voici: rien!")).toEqual([
      ["?", "\u202f?"],
      [";", "\u202f;"],
      [":", "\u00a0:"],
      ["!", "\u202f!"],
    ]);
  });
  it("accepts spaces of any kind, times, URLs and ?! runs", () => {
    expect(check(rule, "Vraiment ?! Il est 10:30 ; voir https://exemple.fr/a:b et « ceci » : fin\u00a0!")).toEqual([]);
  });
});

describe("typography/guillemet-spacing", () => {
  const rule = "typography/guillemet-spacing";
  it("flags guillemets without their inner space", () => {
    expect(check(rule, "Il dit «non» puis « oui »")).toEqual([
      ["«", "«\u00a0"],
      ["»", "\u00a0»"],
    ]);
  });
  it("accepts « » with spaces, no-break or not", () => {
    expect(check(rule, "Il dit « non » puis «\u00a0oui\u00a0».")).toEqual([]);
  });
});

describe("typography/unbalanced-guillemets", () => {
  const rule = "typography/unbalanced-guillemets";
  it("flags a closing guillemet written as an opening one", () => {
    expect(check(rule, "viser à « maintenir une avance «Pour les États-Unis.")).toEqual([["«", "»"]]);
  });
  it("flags a quotation never closed, and one never opened", () => {
    expect(check(rule, "Il cite « une menace et s'en va.")).toEqual([["«", undefined]]);
    expect(check(rule, "Il cite une menace » et s'en va.")).toEqual([["»", undefined]]);
  });
  it("accepts balanced quotations", () => {
    expect(check(rule, "Il cite « une menace » et une « course ».")).toEqual([]);
  });
});

describe("typography/doubled-word", () => {
  const rule = "typography/doubled-word";
  it("flags a word written twice, removing the second", () => {
    expect(check(rule, "Le comité a a rejeté le le texte.")).toEqual([
      [" a", ""],
      [" le", ""],
    ]);
  });
  it("accepts the pronouns French doubles, numbers and words apart", () => {
    expect(check(rule, "Nous nous taisons, vous vous levez, 10 10 fois, le chat et le chien.")).toEqual([]);
  });
});

describe("typography/doubled-space", () => {
  const rule = "typography/doubled-space";
  it("flags two spaces in a row and a space before a comma or a full stop", () => {
    expect(check(rule, "Ce modèle  est petit , dit-il .")).toEqual([
      ["  ", " "],
      [" ", ""],
      [" ", ""],
    ]);
  });
  it("accepts single spaces and decimal commas", () => {
    expect(check(rule, "Ce modèle est petit, dit-il. Il pèse 3,5 kg.")).toEqual([]);
  });
});

describe("typography/mid-sentence-capital", () => {
  const rule = "typography/mid-sentence-capital";
  it("flags function words, months, days and nationality adjectives capitalised mid-sentence", () => {
    expect(check(rule, "Il a reconnu Faire face depuis Janvier aux entreprises Américaines à Les marchés.")).toEqual([
      ["Faire", "faire"],
      ["Janvier", "janvier"],
      ["Américaines", "américaines"],
      ["Les", "les"],
    ]);
  });
  it("accepts sentence starts, names, quotations and nationality nouns for people", () => {
    expect(check(rule, "Les Américains et les Chinois. Le Monde l'écrit : « Les marchés baissent. » Lundi, Paris vote.")).toEqual([]);
    expect(check(rule, "Il sera le premier Canadien à quitter l'orbite, avec de jeunes Françaises.")).toEqual([]);
  });
});

describe("typography/mid-sentence-capital in names", () => {
  it("leaves function words that belong to a name", () => {
    expect(check("typography/mid-sentence-capital", "Selon Marine Le Pen et La Poste, rien.")).toEqual([]);
  });
});
