/// Accuracy on text nobody here wrote (the UDHR), on the seed document and on a story aligned by
/// hand. The floors are the figures reached when these tests were written (bench/RESULTS.md has
/// the latest): a change that makes the aligner worse fails here.
import { describe, expect, it } from "vitest";
import { alignParagraphs, alignSentences } from "../../../lib/align";
import { beadF1, editedVariant } from "../../support/align-gold";
import { seedPair, sentenceGold } from "../../support/sentence-gold";
import { udhr } from "../../support/udhr";

const u = udhr();
const key = (b: { fr: number[]; en: number[] }) => `${b.fr.join(",")}|${b.en.join(",")}`;

describe("paragraph alignment accuracy", () => {
  it("aligns the UDHR exactly, with the preamble's “Now, therefore,” alone or joined to a neighbour", () => {
    const now = u.en.indexOf("Now, therefore,");
    expect(now).toBeGreaterThan(0);
    const beads = alignParagraphs(u.fr, u.en);
    const found = new Set(beads.map(key));
    const others = u.gold.filter((b) => !(b.fr.length === 0 && b.en[0] === now));
    const nowBead = beads.find((b) => b.en.includes(now))!;
    if (nowBead.fr.length === 0) expect(nowBead.en).toEqual([now]);
    else {
      expect(nowBead.fr).toHaveLength(1);
      expect(nowBead.en.length).toBe(2);
    }
    const missed = others.filter((b) => !found.has(key(b)) && !(b.en.length === 1 && nowBead.en.includes(b.en[0]!)));
    expect(missed).toEqual([]);
  });

  it("reaches a mean exact-bead F1 of at least 0.97 over 30 hard variants (10 % merged, 10 % split, 5 % deleted)", () => {
    const scores = Array.from({ length: 30 }, (_, k) => {
      const v = editedVariant(u, k + 1);
      return beadF1(alignParagraphs(v.fr, v.en), v.gold);
    });
    const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
    expect(mean).toBeGreaterThanOrEqual(0.97);
    expect(Math.min(...scores)).toBeGreaterThanOrEqual(0.9);
  });

  it("finds 0-1 and 1-0 beads in the hard variants", () => {
    const v = editedVariant(u, 4);
    const beads = alignParagraphs(v.fr, v.en);
    const goldNulls = v.gold.filter((b) => b.fr.length === 0 || b.en.length === 0).map(key);
    expect(goldNulls.length).toBeGreaterThan(0);
    const found = new Set(beads.map(key));
    expect(goldNulls.filter((k) => found.has(k)).length).toBeGreaterThanOrEqual(Math.ceil(goldNulls.length / 2));
  });

  it("aligns the seed document with its English as 14 one-to-one beads", () => {
    const { fr, en } = seedPair();
    const beads = alignParagraphs(fr, en);
    expect(beads.map(key)).toEqual(fr.map((_, k) => `${k}|${k}`));
  });
});

describe("sentence alignment accuracy", () => {
  const floors: Record<string, number> = { UDHR: 1, "seed document": 1, "hand-aligned story": 1 };
  for (const gold of sentenceGold()) {
    it(`reaches an exact-bead F1 of at least ${floors[gold.name]} on the ${gold.name} (${gold.beads} sentence beads)`, () => {
      const paragraphBeads = alignParagraphs(gold.fr, gold.en);
      const s = alignSentences(gold.fr, gold.en, paragraphBeads);
      expect(gold.score(paragraphBeads, s)).toBeGreaterThanOrEqual(floors[gold.name]!);
    });
  }

  it("aligns the seed document's sentences without paragraph help (each side one paragraph)", () => {
    const { fr, en } = seedPair();
    const f = [fr.join(" ")];
    const e = [en.join(" ")];
    const s = alignSentences(f, e, [{ fr: [0], en: [0], score: 1 }]);
    const n = s.sentences.fr[0]!.length;
    expect(s.sentences.en[0]).toHaveLength(n);
    const ones = s.beads[0]!.filter((b, k) => b.fr.length === 1 && b.en.length === 1 && b.fr[0] === b.en[0]);
    expect(ones.length / n).toBeGreaterThanOrEqual(0.95);
  });
});
