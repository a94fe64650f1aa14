import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LENGTH_RATIO, lengthRatioCalibration } from "../../../lib/checks/calibration";
import { nfc, splitParagraphs } from "../../../lib/text/paragraphs";

const corpus = (lang: string) =>
  splitParagraphs(readFileSync(new URL(`../../../corpus/deepseek-containment/${lang}.txt`, import.meta.url), "utf8")).map(nfc);

describe("the length-ratio calibration", () => {
  it("matches what the corpus gives (recalibrate lib/checks/calibration.ts when the corpus changes)", () => {
    const fr = corpus("fr");
    const en = corpus("en");
    const measured = lengthRatioCalibration(fr.map((p, i) => [p, en[i]!] as const));
    expect(measured.pairs).toBeGreaterThanOrEqual(10);
    expect(LENGTH_RATIO.meanLog).toBeCloseTo(measured.meanLog, 2);
    expect(LENGTH_RATIO.sigma).toBeCloseTo(measured.sigma, 3);
  });

  it("computes the mean log ratio and its length-scaled spread", () => {
    const pairs = [["a".repeat(110), "b".repeat(100)], ["a".repeat(1200), "b".repeat(1000)]] as const;
    const { meanLog, sigma } = lengthRatioCalibration(pairs, 100);
    expect(meanLog).toBeCloseTo((Math.log(1.1) + Math.log(1.2)) / 2, 6);
    expect(sigma).toBeGreaterThan(0);
  });
});
