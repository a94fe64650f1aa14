import { describe, expect, it } from "vitest";
import { entryChanges, languagesLosingPreferred } from "../../../lib/glossary/changes";
import type { TermEntry } from "../../../lib/glossary/model";

const chip = (): TermEntry => ({
  id: "chip",
  subjectField: "semiconductors",
  langs: {
    fr: { notes: [], definition: "Circuit intégré gravé sur une plaquette.", terms: [{ text: "puce", status: "preferred" }, { text: "jeton", status: "deprecated" }] },
    en: { notes: [], terms: [{ text: "chip", status: "preferred" }] },
  },
});

describe("entryChanges (what a history line shows)", () => {
  it("lists only the fields that differ, each as whole texts to compare word by word", () => {
    const after = chip();
    after.langs.fr!.definition = "Circuit intégré gravé sur une tranche de silicium.";
    after.langs.fr!.terms[1].status = "admitted";
    expect(entryChanges(chip(), after)).toEqual([
      { field: "terms", lang: "fr", before: "puce (preferred)\njeton (deprecated)", after: "puce (preferred)\njeton (admitted)" },
      { field: "definition", lang: "fr", before: "Circuit intégré gravé sur une plaquette.", after: "Circuit intégré gravé sur une tranche de silicium." },
    ]);
  });

  it("shows a created entry against nothing, and a field added or removed against an empty text", () => {
    expect(entryChanges(null, chip()).map((c) => [c.field, c.lang ?? "", c.before])).toEqual([
      ["subjectField", "", ""],
      ["terms", "fr", ""],
      ["definition", "fr", ""],
      ["terms", "en", ""],
    ]);
    const after = chip();
    delete after.subjectField;
    after.note = "Voir aussi wafer.";
    expect(entryChanges(chip(), after)).toEqual([
      { field: "subjectField", before: "semiconductors", after: "" },
      { field: "note", before: "", after: "Voir aussi wafer." },
    ]);
  });

  it("words terms with the caller's labels", () => {
    const changes = entryChanges(chip(), { ...chip(), langs: { ...chip().langs, en: { notes: [], terms: [{ text: "microchip", status: "preferred" }] } } }, (t) => `${t.text}/${t.status[0]}`);
    expect(changes).toEqual([{ field: "terms", lang: "en", before: "chip/p", after: "microchip/p" }]);
  });

  it("is empty for equal entries", () => {
    expect(entryChanges(chip(), chip())).toEqual([]);
  });
});

describe("languagesLosingPreferred", () => {
  it("names each language that had a preferred term and has none after the edit, in either direction", () => {
    const after = chip();
    after.langs.fr!.terms[0].status = "deprecated";
    expect(languagesLosingPreferred(chip(), after)).toEqual(["fr"]);
    const noEnglish = chip();
    delete noEnglish.langs.en;
    expect(languagesLosingPreferred(chip(), noEnglish)).toEqual(["en"]);
    const admittedOnly = chip();
    admittedOnly.langs.en!.terms[0].status = "admitted";
    expect(languagesLosingPreferred(chip(), admittedOnly)).toEqual(["en"]);
  });

  it("lets an edit keep or move the preferred term, and a language that had none stay so", () => {
    const moved = chip();
    moved.langs.fr!.terms = [{ text: "puce", status: "admitted" }, { text: "jeton", status: "preferred" }];
    expect(languagesLosingPreferred(chip(), moved)).toEqual([]);
    const before = chip();
    before.langs.en!.terms[0].status = "admitted";
    const after = structuredClone(before);
    after.langs.en!.terms.push({ text: "die", status: "deprecated" });
    expect(languagesLosingPreferred(before, after)).toEqual([]);
  });
});
