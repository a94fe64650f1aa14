import { describe, expect, it } from "vitest";
import { formatFrench, numbersIn } from "../../../lib/checks";

const values = (text: string, lang: "fr" | "en") => numbersIn(text, lang).map((n) => [n.text, n.values]);

describe("numbersIn: French formats", () => {
  it("reads thousands grouped by spaces of any kind and the decimal comma", () => {
    expect(values("200 000 et 200\u00a0000 et 200\u202f000, puis 3,5 % et 1 234,75", "fr")).toEqual([
      ["200 000", [200000]],
      ["200\u00a0000", [200000]],
      ["200\u202f000", [200000]],
      ["3,5", [3.5]],
      ["1 234,75", [1234.75]],
    ]);
  });
  it("folds the scale words: millions, milliards, and the French billion (10¹²)", () => {
    expect(values("100 millions de dollars, 1,5 milliard, 1 000 milliards, 2 billions", "fr")).toEqual([
      ["100 millions", [1e8]],
      ["1,5 milliard", [1.5e9]],
      ["1 000 milliards", [1e12]],
      ["2 billions", [2e12]],
    ]);
  });
  it("keeps both readings of a dot the machine left (3.5) or a dot grouping thousands (1.000)", () => {
    expect(values("3.5 et 1.000", "fr")).toEqual([
      ["3.5", [3.5]],
      ["1.000", [1000, 1]],
    ]);
  });
  it("never reads codes (A100, V3, GPT-4) as numbers; reads small numbers in words", () => {
    expect(values("Les puces A100, le modèle V3 et GPT-4 : trois modèles", "fr")).toEqual([["trois", [3]]]);
  });
});

describe("numbersIn: English formats", () => {
  it("reads thousands commas, decimal points and scale words", () => {
    expect(values("200,000 people, 3.5%, $100 million, $1.5bn, 1 trillion, twelve", "en")).toEqual([
      ["200,000", [200000]],
      ["3.5", [3.5]],
      ["100 million", [1e8]],
      ["1.5bn", [1.5e9]],
      ["1 trillion", [1e12]],
      ["twelve", [12]],
    ]);
  });
});

describe("formatFrench", () => {
  it("writes numbers the French way", () => {
    expect(formatFrench(200000)).toBe("200\u202f000");
    expect(formatFrench(3.5)).toBe("3,5");
    expect(formatFrench(2019)).toBe("2019");
  });
});

describe("numbersIn: words and ordinals", () => {
  it("reads French centuries in Roman numerals and English ordinals alike", () => {
    expect(values("au XXIe siècle", "fr")).toEqual([["XXIe", [21]]]);
    expect(values("in the 21st century", "en")).toEqual([["21", [21]]]);
  });
  it("does not take « pour cent » for a hundred", () => {
    expect(values("50 pour cent et cent euros", "fr")).toEqual([
      ["50", [50]],
      ["cent", [100]],
    ]);
  });
});

describe("numbersIn: scores and ranges", () => {
  it("reads both numbers of a score or a range", () => {
    expect(values("ruled 6-3 for 2019–2020", "en")).toEqual([
      ["6", [6]],
      ["3", [3]],
      ["2019", [2019]],
      ["2020", [2020]],
    ]);
  });
});
