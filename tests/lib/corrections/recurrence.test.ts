import { describe, expect, it } from "vitest";
import { draftToFixes } from "../../../lib/corrections/draft";
import { findRecurrences, indistinctReason, recurrencePattern } from "../../../lib/corrections/recurrence";
import { below, frenchText, mulberry32, pick, WORDS } from "./random";

/// The fix that replaces the first `deleted` of `text` (after `from`) by `inserted`.
function fixIn(text: string, deleted: string, inserted: string, from = 0) {
  const start = text.indexOf(deleted, from);
  if (start < 0) throw new Error(`no "${deleted}" in "${text}"`);
  return { start, end: start + deleted.length, deleted, inserted };
}

describe("recurrencePattern", () => {
  const text = "Ils semblent avoir commis l'écart.";

  it("keeps a single word with the word before and after it, elision included", () => {
    const pattern = recurrencePattern(text, fixIn(text, "commis", "comblé"));
    expect(pattern).toEqual({ text: "avoir commis l'écart", start: 6, end: 12, inserted: "comblé", sentenceStart: false });
    expect(pattern.text.slice(pattern.start, pattern.end)).toBe("commis");
  });

  it("keeps a short text with its neighbours", () => {
    const p = "Il l'a vu de la fenêtre.";
    expect(recurrencePattern(p, fixIn(p, "de", "depuis")).text).toBe("vu de la");
  });

  it("lets text of two words or more stand alone", () => {
    const p = "Selon lui, le gouvernement a tranché.";
    expect(recurrencePattern(p, fixIn(p, "le gouvernement", "l'exécutif"))).toEqual({
      text: "le gouvernement",
      start: 0,
      end: 15,
      inserted: "l'exécutif",
      sentenceStart: false,
    });
  });

  it("takes the words around an insertion point", () => {
    const p = "C'est simple: en bref, non.";
    const pattern = recurrencePattern(p, { start: 12, end: 12, deleted: "", inserted: "\u202f" });
    expect(pattern).toMatchObject({ text: "simple: en", start: 6, end: 6 });
  });

  it("widens a part of a word to the whole word", () => {
    const p = "Ils ont élargi l'écart.";
    const pattern = recurrencePattern(p, fixIn(p, "i", "is", 10));
    expect(pattern).toMatchObject({ text: "ont élargi l'écart", start: 9, end: 10 });
  });

  it("stops at the edges of the paragraph and notes a sentence start", () => {
    const p = "Commis l'écart, il partit.";
    expect(recurrencePattern(p, fixIn(p, "Commis", "Comblé"))).toEqual({
      text: "Commis l'écart",
      start: 0,
      end: 6,
      inserted: "Comblé",
      sentenceStart: true,
    });
  });

  it("refuses a fix that does not match the paragraph", () => {
    expect(() => recurrencePattern(text, { start: 19, end: 25, deleted: "comblé", inserted: "x" })).toThrow(RangeError);
    expect(() => recurrencePattern(text, { start: 30, end: 40, deleted: "", inserted: "x" })).toThrow(RangeError);
  });
});

describe("findRecurrences", () => {
  const source = "Ils semblent avoir commis l'écart.";
  const pattern = recurrencePattern(source, fixIn(source, "commis", "comblé"));

  it("finds the same words elsewhere, not the word alone, nor inside a longer word", () => {
    const paragraphs = [
      { id: 1, text: source },
      { id: 2, text: "Elles pourraient avoir commis l'écart, mais le commis est parti." },
      { id: 3, text: "Le commissaire dit avoir commis l'écarteur." },
      { id: 4, text: "Il dit avoir commissionné l'écart." },
      { id: 5, text: "Sans avoir commis l'écart ni avoir commis l'écart deux fois." },
    ];
    expect(findRecurrences(pattern, paragraphs, { id: 1, start: 19 })).toEqual([
      { id: 2, start: 23, end: 29, deleted: "commis", inserted: "comblé" },
      { id: 5, start: 11, end: 17, deleted: "commis", inserted: "comblé" },
      { id: 5, start: 35, end: 41, deleted: "commis", inserted: "comblé" },
    ]);
  });

  it("skips the original place only", () => {
    const paragraphs = [{ id: "p1", text: source }];
    expect(findRecurrences(pattern, paragraphs)).toEqual([{ id: "p1", start: 19, end: 25, deleted: "commis", inserted: "comblé" }]);
    expect(findRecurrences(pattern, paragraphs, { id: "p1", start: 19 })).toEqual([]);
    expect(findRecurrences(pattern, paragraphs, { id: "p2", start: 19 })).toHaveLength(1);
  });

  it("matches after an elision but not inside an elided or hyphenated word", () => {
    const p = "On lui reproche d'avoir commis l'écart.";
    expect(findRecurrences(pattern, [{ id: 1, text: p }])).toEqual([{ id: 1, start: 24, end: 30, deleted: "commis", inserted: "comblé" }]);
    const states = recurrencePattern("Les Unis ont voté.", fixIn("Les Unis ont voté.", "Unis", "Alliés"));
    expect(states.text).toBe("Les Unis ont");
    expect(findRecurrences(states, [{ id: 1, text: "Les États-Les Unis ont voté." }])).toEqual([]);
    const elided = recurrencePattern("La part de l écart", fixIn("La part de l écart", "l", "l'"));
    expect(elided.text).toBe("de l écart");
    expect(findRecurrences(elided, [{ id: 1, text: "de l'écart, de l écart" }])).toEqual([
      { id: 1, start: 15, end: 16, deleted: "l", inserted: "l'" },
    ]);
  });

  it("puts both ends of a pattern that stands alone on word boundaries", () => {
    const p = "Ils semblent avoir commis une faute.";
    const alone = recurrencePattern(p, fixIn(p, "avoir commis", "avoir fait"));
    expect(alone.text).toBe("avoir commis");
    const paragraphs = [
      { id: 1, text: "Il peut pouvoir commis, avoir commissionné, avoir commis-voyageur." },
      { id: 2, text: "Aux États-Unis ont voté" },
      { id: 3, text: "Pour avoir commis une faute." },
    ];
    expect(findRecurrences(alone, paragraphs)).toEqual([{ id: 3, start: 5, end: 17, deleted: "avoir commis", inserted: "avoir fait" }]);
    const unis = recurrencePattern("Les Unis ont voté.", fixIn("Les Unis ont voté.", "Unis ont", "Alliés ont"));
    expect(findRecurrences(unis, paragraphs)).toEqual([]);
  });

  it("respects accents and case inside a sentence", () => {
    const p = "Ils ont élargi l'écart.";
    const elargi = recurrencePattern(p, fixIn(p, "élargi", "creusé"));
    expect(findRecurrences(elargi, [{ id: 1, text: "Ils ont elargi l'écart." }, { id: 2, text: "Ils ont élargi l'Écart." }])).toEqual([]);
  });

  it("lets the first letter change case at a sentence start, and follows it in the inserted text", () => {
    const p = "Selon lui, le gouvernement a tranché.";
    const g = recurrencePattern(p, fixIn(p, "le gouvernement", "l'exécutif"));
    const paragraphs = [
      { id: 1, text: "Le gouvernement a tranché. « Le gouvernement ment ! » Puis le gouvernement recula." },
      { id: 2, text: "Il cite Le gouvernement, un livre." },
    ];
    expect(findRecurrences(g, paragraphs)).toEqual([
      { id: 1, start: 0, end: 15, deleted: "Le gouvernement", inserted: "L'exécutif" },
      { id: 1, start: 29, end: 44, deleted: "Le gouvernement", inserted: "L'exécutif" },
      { id: 1, start: 59, end: 74, deleted: "le gouvernement", inserted: "l'exécutif" },
    ]);
  });

  it("lowers the first letter when a fix made at a sentence start recurs inside a sentence", () => {
    const p = "Commis l'écart, il partit.";
    const c = recurrencePattern(p, fixIn(p, "Commis", "Comblé"));
    expect(findRecurrences(c, [{ id: 1, text: "Il a commis l'écart." }])).toEqual([
      { id: 1, start: 5, end: 11, deleted: "commis", inserted: "comblé" },
    ]);
  });

  it("keeps a deliberate change of case", () => {
    const p = "Selon le Gouvernement français, tout va bien.";
    const g = recurrencePattern(p, fixIn(p, "Gouvernement", "gouvernement"));
    expect(findRecurrences(g, [{ id: 1, text: "Hier, le Gouvernement français a parlé." }])).toEqual([
      { id: 1, start: 9, end: 21, deleted: "Gouvernement", inserted: "gouvernement" },
    ]);
  });

  it("propagates an insertion of a space before a colon", () => {
    const p = "C'est simple: en bref, non.";
    const space = recurrencePattern(p, { start: 12, end: 12, deleted: "", inserted: "\u202f" });
    const paragraphs = [
      { id: 1, text: p },
      { id: 2, text: "Tout est simple: en apparence. Rien n'est simple : en fait." },
    ];
    expect(findRecurrences(space, paragraphs, { id: 1, start: 12 })).toEqual([
      { id: 2, start: 15, end: 15, deleted: "", inserted: "\u202f" },
    ]);
  });

  it("finds nothing for an empty pattern", () => {
    const empty = recurrencePattern("", { start: 0, end: 0, deleted: "", inserted: "Titre" });
    expect(empty.text).toBe("");
    expect(findRecurrences(empty, [{ id: 1, text: "Titre" }, { id: 2, text: "" }])).toEqual([]);
  });

  it("looks in NFC text whatever form the paragraphs come in", () => {
    const decomposed = "Ils semblent avoir commis l'e\u0301cart.";
    expect(findRecurrences(pattern, [{ id: 1, text: decomposed }])).toEqual([
      { id: 1, start: 19, end: 25, deleted: "commis", inserted: "comblé" },
    ]);
  });

  it("always finds a fix at its own place (random fixes from drafts)", () => {
    const random = mulberry32(1789);
    for (let n = 0; n < 500; n++) {
      const text = frenchText(random, 1, 8);
      const words = text.split(" ");
      words[below(random, words.length)] = pick(random, [...WORDS, ""]);
      for (const fix of draftToFixes(text, words.join(" "))) {
        const found = findRecurrences(recurrencePattern(text, fix), [{ id: 0, text }]);
        expect(found, JSON.stringify({ text, fix })).toContainEqual({ id: 0, ...fix });
      }
    }
  });
});

describe("recurrence context", () => {
  const text = "Ils semblent avoir commis l'écart de performance.";
  const fix = { start: text.indexOf("commis"), end: text.indexOf("commis") + 6, deleted: "commis", inserted: "comblé" };

  it("takes only the word after with `after`, the word alone with `none`", () => {
    expect(recurrencePattern(text, fix, "after").text).toBe("commis l'écart");
    expect(recurrencePattern(text, fix, "none").text).toBe("commis");
    expect(recurrencePattern(text, fix).text).toBe("avoir commis l'écart");
  });

  it("takes the word before at a paragraph's end with `after`", () => {
    const end = "Une faute commise";
    const f = { start: 10, end: 17, deleted: "commise", inserted: "faite" };
    expect(recurrencePattern(end, f, "after").text).toBe("faute commise");
  });

  it("finds a fix of a misspelt name wherever the name stands", () => {
    const p = recurrencePattern("Deepseek a ouvert.", { start: 0, end: 8, deleted: "Deepseek", inserted: "DeepSeek" }, "none");
    const found = findRecurrences(p, [{ id: 1, text: "Le succès de Deepseek et Deepseeker." }]);
    expect(found.map((f) => [f.start, f.deleted, f.inserted])).toEqual([[13, "Deepseek", "DeepSeek"]]);
  });
});

describe("indistinctReason", () => {
  const reason = (text: string, deleted: string, inserted: string, context?: "around" | "after" | "none") =>
    indistinctReason(recurrencePattern(text, fixIn(text, deleted, inserted), context));

  it("refuses a pattern of frequent function words alone", () => {
    const p = "Les modèles de la Chine.";
    expect(indistinctReason(recurrencePattern(p, { start: 0, end: 0, deleted: "", inserted: "Tous " }))).toBe("functionWords");
    expect(reason("Il l'a vu de la fenêtre.", "la", "sa", "none")).toBe("functionWords");
    expect(reason("Il a vu de la fenêtre.", "de", "depuis", "after")).toBe("functionWords");
  });

  it("refuses a lone short word or an insertion next to a single word", () => {
    expect(reason("Le PIB.", "PIB", "BIP", "none")).toBe("tooShort");
    const p = "Modèles prêts.";
    expect(indistinctReason(recurrencePattern(p, { start: 0, end: 0, deleted: "", inserted: "Les " }, "after"))).toBe("tooShort");
  });

  it("accepts two words with one that carries meaning, and a misspelt word on its own", () => {
    expect(reason("Ils ont commis l'écart.", "commis", "comblé", "after")).toBeNull();
    expect(reason("Le gouvernment a tranché.", "gouvernment", "gouvernement", "none")).toBeNull();
    expect(reason("Selon lui, le gouvernement a tranché.", "le gouvernement", "l'exécutif")).toBeNull();
  });
});
