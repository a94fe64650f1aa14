import { describe, expect, it } from "vitest";
import { alignParagraphs, alignSentences, DOUBTFUL_SCORE, type Bead } from "../../../lib/align";
import { mulberry32 } from "../../support/random";
import { udhr } from "../../support/udhr";

const u = udhr();
// Articles 1 to 12 of the Declaration: headings and paragraphs, one to one.
const start = u.fr.indexOf("Article premier");
const FR = u.fr.slice(start, start + 26);
const EN = u.en.slice(start + 1, start + 27);

const shape = (b: Bead) => `${b.fr.join(",")}|${b.en.join(",")}`;

/// Every unit of each side in exactly one bead, in order.
function expectCovering(beads: Bead[], n: number, m: number) {
  expect(beads.flatMap((b) => b.fr)).toEqual(Array.from({ length: n }, (_, k) => k));
  expect(beads.flatMap((b) => b.en)).toEqual(Array.from({ length: m }, (_, k) => k));
  for (const b of beads) {
    expect(b.fr.length + b.en.length).toBeGreaterThan(0);
    expect(b.score).toBeGreaterThanOrEqual(0);
    expect(b.score).toBeLessThanOrEqual(1);
  }
}

describe("alignParagraphs: bead types", () => {
  it("pairs a faithful translation one to one, confidently", () => {
    expect(FR[0]).toBe("Article premier");
    expect(EN[0]).toBe("Article 1");
    const beads = alignParagraphs(FR, EN);
    expect(beads.map(shape)).toEqual(FR.map((_, k) => `${k}|${k}`));
    expect(beads.every((b) => b.score >= DOUBTFUL_SCORE)).toBe(true);
  });

  it("finds 2-1 and 1-2 beads where one side merged two paragraphs", () => {
    const en = [...EN.slice(0, 5), `${EN[5]} ${EN[6]}`, ...EN.slice(7)];
    expect(alignParagraphs(FR, en).map(shape)).toContain("5,6|5");
    const fr = [...FR.slice(0, 9), `${FR[9]} ${FR[10]}`, ...FR.slice(11)];
    expect(alignParagraphs(fr, EN).map(shape)).toContain("9|9,10");
  });

  it("finds a 1-2 bead where a paragraph was split at a sentence boundary", () => {
    const k = EN.findIndex((p) => p.startsWith("All are equal before the law"));
    const cut = EN[k]!.indexOf(" All are entitled to equal protection against");
    const en = [...EN.slice(0, k), EN[k]!.slice(0, cut), EN[k]!.slice(cut + 1), ...EN.slice(k + 1)];
    expect(alignParagraphs(FR, en).map(shape)).toContain(`${k}|${k},${k + 1}`);
  });

  it("finds 1-0 and 0-1 beads where a paragraph has no counterpart", () => {
    const en = EN.filter((_, k) => k !== 8);
    const beads = alignParagraphs(FR, en);
    expect(beads.map(shape)).toContain("8|");
    expect(beads.map(shape)).toContain("9|8");
    const fr = FR.filter((_, k) => k !== 13);
    expect(alignParagraphs(fr, EN).map(shape)).toContain("|13");
  });

  it("finds a 2-2 bead where both sides cut the same text differently", () => {
    const fr = [...FR.slice(0, 3), `${FR[3]} ${FR[4]}`, ...FR.slice(5)];
    const en = [...EN.slice(0, 4), `${EN[4]} ${EN[5]}`, ...EN.slice(6)];
    // French 3 = A+B, 4 = C; English 3 = A, 4 = B+C: no boundary in between.
    expect(alignParagraphs(fr, en).map(shape)).toContain("3,4|3,4");
  });

  it("finds a longer merge (3-1) when the evidence is strong", () => {
    const en = [...EN.slice(0, 10), `${EN[10]} ${EN[11]} ${EN[12]}`, ...EN.slice(13)];
    expect(alignParagraphs(FR, en).map(shape)).toContain("10,11,12|10");
  });

  it("uses glossary term pairs as evidence where nothing else tells", () => {
    const fr = ["Le fromage est bon."];
    const en = ["A hound ran far.", "The cheese is good."];
    const beads = alignParagraphs(fr, en, { termPairs: [["fromage", "cheese"]] });
    expect(beads.map(shape)).toEqual(["|0", "0|1"]);
  });

  it("gives lower scores to beads of unrelated texts than to a translation's", () => {
    const good = alignParagraphs(FR.slice(0, 12), EN.slice(0, 12));
    const bad = alignParagraphs(FR.slice(0, 12), EN.slice(12, 24));
    const mean = (bs: Bead[]) => bs.reduce((s, b) => s + b.score, 0) / bs.length;
    expect(mean(good)).toBeGreaterThan(mean(bad) + 0.2);
  });

  it("reports progress up to the total", () => {
    const calls: Array<[number, number]> = [];
    alignParagraphs(FR, EN, { onProgress: (d, t) => calls.push([d, t]) });
    expect(calls.length).toBeGreaterThan(0);
    const [done, total] = calls.at(-1)!;
    expect(done).toBe(total);
  });
});

describe("alignParagraphs: edge cases", () => {
  it("aligns empty and one-sided texts", () => {
    expect(alignParagraphs([], [])).toEqual([]);
    expect(alignParagraphs(["Un.", "Deux."], []).map(shape)).toEqual(["0|", "1|"]);
    expect(alignParagraphs([], ["One."]).map(shape)).toEqual(["|0"]);
  });

  it("aligns a single paragraph with a single paragraph", () => {
    expect(alignParagraphs(["Bonjour."], ["Hello."]).map(shape)).toEqual(["0|0"]);
  });

  it("covers both sides of very unequal texts (1 against 60, 60 against 2)", () => {
    const sixty = u.en.slice(start - 10, start + 50);
    const one = alignParagraphs([FR[1]!], sixty);
    expectCovering(one, 1, 60);
    expect(one.find((b) => b.fr.length === 1)!.en).toContain(12);
    const two = alignParagraphs([...FR, ...FR, ...FR].slice(0, 60), [EN[0]!, EN[1]!]);
    expectCovering(two, 60, 2);
  });

  it("covers both sides in order, whatever the texts (seeded random pairs)", () => {
    for (let seed = 1; seed <= 25; seed++) {
      const r = mulberry32(seed);
      const pick = (xs: string[]) => Array.from({ length: Math.floor(r() * 30) }, () => xs[Math.floor(r() * xs.length)]!);
      const fr = pick(FR);
      const en = pick(EN);
      expectCovering(alignParagraphs(fr, en), fr.length, en.length);
    }
  });
});

describe("alignSentences", () => {
  it("aligns the sentences of each paragraph bead, numbering them within the bead", () => {
    const fr = ["Il pleut. Le ciel est gris. Nous restons à la maison.", "Fin."];
    const en = ["It is raining. The sky is grey.", "We stay at home.", "The end."];
    const beads = alignParagraphs(fr, en);
    expect(beads.map(shape)).toEqual(["0|0,1", "1|2"]);
    const s = alignSentences(fr, en, beads);
    expect(s.sentences.fr[0]!.map((x) => fr[0]!.slice(x.start, x.end))).toEqual(["Il pleut.", "Le ciel est gris.", "Nous restons à la maison."]);
    expect(s.sentences.en.map((x) => x.length)).toEqual([2, 1, 1]);
    expect(s.beads[0]!.map(shape)).toEqual(["0|0", "1|1", "2|2"]);
    expect(s.beads[1]!.map(shape)).toEqual(["0|0"]);
  });

  it("gives one-sided paragraph beads one-sided sentence beads", () => {
    const s = alignSentences(["Un. Deux."], [], [{ fr: [0], en: [], score: 0.8 }]);
    expect(s.beads).toEqual([[{ fr: [0], en: [], score: 0.8 }, { fr: [1], en: [], score: 0.8 }]]);
  });
});
