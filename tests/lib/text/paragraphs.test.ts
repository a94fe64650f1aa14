import { describe, expect, it } from "vitest";
import { countWords, joinParagraphs, nfc, splitParagraphs } from "../../../lib/text/paragraphs";

describe("splitParagraphs", () => {
  it("gives one paragraph per non-empty line, title first", () => {
    expect(splitParagraphs("Titre\nPremier paragraphe.\nSecond.")).toEqual(["Titre", "Premier paragraphe.", "Second."]);
  });

  it("accepts LF, CRLF and CR line ends alike", () => {
    expect(splitParagraphs("a\r\nb\rc\nd")).toEqual(["a", "b", "c", "d"]);
  });

  it("skips empty and white-space-only lines, so indices count non-empty lines", () => {
    expect(splitParagraphs("\n\na\n   \n\tb\n\n")).toEqual(["a", "b"]);
  });

  it("trims white space at the edges of a line but keeps inner spacing (French typography)", () => {
    expect(splitParagraphs("  « Bonjour » ;  fin  ")).toEqual(["« Bonjour » ;  fin"]);
  });

  it("normalises to NFC, so a decomposed é equals a composed one", () => {
    const decomposed = "e\u0301cart";
    const [p] = splitParagraphs(decomposed);
    expect(p).toBe("\u00e9cart");
    expect(p.length).toBe(5);
  });

  it("returns nothing for an empty text", () => {
    expect(splitParagraphs("")).toEqual([]);
    expect(splitParagraphs("\n \r\n")).toEqual([]);
  });
});

describe("joinParagraphs", () => {
  it("writes one paragraph per line with a final newline, and round-trips", () => {
    const text = joinParagraphs(["a", "b"]);
    expect(text).toBe("a\nb\n");
    expect(splitParagraphs(text)).toEqual(["a", "b"]);
    expect(joinParagraphs([])).toBe("");
  });
});

describe("nfc", () => {
  it("composes combining accents", () => {
    expect(nfc("Franc\u0327ais")).toBe("Fran\u00e7ais");
  });
});

describe("countWords", () => {
  it("counts elided words apart and hyphenated compounds once", () => {
    expect(countWords("l'écart de performance")).toBe(4);
    expect(countWords("les semi-conducteurs avancés")).toBe(3);
    expect(countWords("200 000 GPU H100 !")).toBe(4);
    expect(countWords("  ")).toBe(0);
  });
});
