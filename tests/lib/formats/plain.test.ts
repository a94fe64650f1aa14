import { describe, expect, it } from "vitest";
import { detectPlainLayout, plainTextParagraphs } from "../../../lib/formats/plain";

const lines = "Le contrôle des exportations\nLes États-Unis ont restreint les puces.\nDeepSeek a répondu.\n";
const wrapped = [
  "Le contrôle des exportations",
  "",
  "Les États-Unis ont restreint l'exportation des puces",
  "les plus avancées vers la Chine en 2022, puis en",
  "2023.",
  "",
  "DeepSeek a répondu par l'efficacité : moins de",
  "calcul pour un modèle comparable.",
  "",
].join("\r\n");

describe("plain text", () => {
  it("reads one paragraph per line", () => {
    expect(detectPlainLayout(lines)).toBe("lines");
    expect(plainTextParagraphs(lines)).toEqual(["Le contrôle des exportations", "Les États-Unis ont restreint les puces.", "DeepSeek a répondu."]);
  });

  it("detects wrapped paragraphs separated by blank lines and joins their lines", () => {
    expect(detectPlainLayout(wrapped)).toBe("blocks");
    expect(plainTextParagraphs(wrapped)).toEqual([
      "Le contrôle des exportations",
      "Les États-Unis ont restreint l'exportation des puces les plus avancées vers la Chine en 2022, puis en 2023.",
      "DeepSeek a répondu par l'efficacité : moins de calcul pour un modèle comparable.",
    ]);
  });

  it("keeps one paragraph per line when blank lines only space out whole-sentence lines", () => {
    const spaced = "Titre\n\nUne phrase.\nUne autre phrase.\n\nEncore une.\nEt la dernière.\n";
    expect(detectPlainLayout(spaced)).toBe("lines");
    expect(plainTextParagraphs(spaced)).toEqual(["Titre", "Une phrase.", "Une autre phrase.", "Encore une.", "Et la dernière."]);
  });

  it("normalises to NFC and trims", () => {
    expect(plainTextParagraphs("  Cafe\u0301  \n")).toEqual(["Café"]);
  });
});
