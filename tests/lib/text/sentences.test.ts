import { describe, expect, it } from "vitest";
import { sentenceTexts, splitSentences } from "../../../lib/text/sentences";

describe("splitSentences", () => {
  it("gives trimmed UTF-16 spans into the paragraph, end exclusive", () => {
    const text = "  Première phrase.   Deuxième ?  ";
    const spans = splitSentences(text, "fr");
    expect(spans).toEqual([
      { start: 2, end: 18 },
      { start: 21, end: 31 },
    ]);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["Première phrase.", "Deuxième ?"]);
  });

  it("counts offsets in UTF-16 code units (astral characters count twice)", () => {
    const text = "Un 😀 ici. Puis là.";
    expect(splitSentences(text, "fr")[1]).toEqual({ start: 11, end: 19 });
  });

  it("has no sentence in an empty or blank paragraph, and one in text without a full stop", () => {
    expect(splitSentences("", "fr")).toEqual([]);
    expect(splitSentences("  \t ", "en")).toEqual([]);
    expect(sentenceTexts("Article premier", "fr")).toEqual(["Article premier"]);
  });

  it("does not break after French titles and abbreviations", () => {
    expect(sentenceTexts("M. Dupont et Mme Durand sont venus. Le Dr Martin aussi, avec Mlle Roy.", "fr")).toEqual([
      "M. Dupont et Mme Durand sont venus.",
      "Le Dr Martin aussi, avec Mlle Roy.",
    ]);
    expect(sentenceTexts("Voir p. 12 et l'art. 3 du texte, etc. et la suite. Fin.", "fr")).toEqual([
      "Voir p. 12 et l'art. 3 du texte, etc. et la suite.",
      "Fin.",
    ]);
  });

  it("does not break after English abbreviations, dotted acronyms and initials", () => {
    expect(sentenceTexts("Mr. Smith met Dr. Jones on St. James Street. They talked.", "en")).toEqual([
      "Mr. Smith met Dr. Jones on St. James Street.",
      "They talked.",
    ]);
    expect(sentenceTexts("The U.S. Army left, e.g. at 5 p.m. today. Then it rained.", "en")).toEqual([
      "The U.S. Army left, e.g. at 5 p.m. today.",
      "Then it rained.",
    ]);
    expect(sentenceTexts("J. R. R. Tolkien wrote it. It sold well.", "en")).toEqual(["J. R. R. Tolkien wrote it.", "It sold well."]);
  });

  it("ends a sentence after an acronym when a new sentence clearly starts", () => {
    expect(sentenceTexts("He moved to the U.S. The weather was better.", "en")).toEqual(["He moved to the U.S.", "The weather was better."]);
    expect(sentenceTexts("They sold apples, pears, etc. The rest rotted.", "en")).toEqual(["They sold apples, pears, etc.", "The rest rotted."]);
  });

  it("keeps numbers whole: 3.5, 3,5, 1.000 and 200 000", () => {
    expect(sentenceTexts("Il pèse 3,5 kg. Il coûte 1.000 euros. Le lot 200 000.", "fr")).toHaveLength(3);
    expect(sentenceTexts("It weighs 3.5 kg and costs $1,000.50 in total. Fine.", "en")).toEqual(["It weighs 3.5 kg and costs $1,000.50 in total.", "Fine."]);
  });

  it("keeps closing guillemets and quotes with their sentence", () => {
    expect(sentenceTexts("Il a dit : « Bonjour. » Puis il est parti.", "fr")).toEqual(["Il a dit : « Bonjour. »", "Puis il est parti."]);
    expect(sentenceTexts("He said, “Hello.” Then he left.", "en")).toEqual(["He said, “Hello.”", "Then he left."]);
    expect(sentenceTexts("l'avenir de l'IA. «", "fr")).toEqual(["l'avenir de l'IA. «"]);
  });

  it("continues after a question or exclamation followed by lower case (« Quoi ? » dit-il)", () => {
    expect(sentenceTexts("« Vous êtes bien M. Aubert ? » demanda-t-elle. Il répondit que oui.", "fr")).toEqual([
      "« Vous êtes bien M. Aubert ? » demanda-t-elle.",
      "Il répondit que oui.",
    ]);
  });

  it("continues after an ellipsis followed by lower case, and breaks after one followed by a capital", () => {
    expect(sentenceTexts("Il attendait… puis partit. Il attendait... Puis il partit.", "fr")).toEqual([
      "Il attendait… puis partit.",
      "Il attendait...",
      "Puis il partit.",
    ]);
  });

  it("covers the whole paragraph: the spans, in order, hold every non-space character", () => {
    const text = "Ces puces — A100, H100 — coûtent 3,5 M$. « Ah ! » fit-il… Et puis ? Rien. M. X. Fin";
    const spans = splitSentences(text, "fr");
    for (let k = 1; k < spans.length; k++) expect(spans[k]!.start).toBeGreaterThanOrEqual(spans[k - 1]!.end);
    expect(spans.map((s) => text.slice(s.start, s.end)).join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
  });
});
