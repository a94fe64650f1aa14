import { describe, expect, it } from "vitest";
import { MQM_CATEGORIES, SEVERITIES, type MqmCategory, type Severity } from "../../../lib/corrections/categories";
import { DEFAULT_WEIGHTS, formatScore, qualityScore } from "../../../lib/corrections/quality";

const error = (category: MqmCategory, severity: Severity) => ({ category, severity });

describe("qualityScore", () => {
  const errors = [
    error("fluency/spelling", "minor"),
    error("fluency/spelling", "minor"),
    error("accuracy/mistranslation", "major"),
    error("accuracy/omission", "critical"),
    error("fluency/typography", "minor"),
  ];

  it("weighs minor 1, major 5, critical 10 by default and normalises per thousand words", () => {
    const score = qualityScore(errors, 250);
    // 3 minor × 1 + 1 major × 5 + 1 critical × 10 = 18; 18 × 1000 / 250 = 72.
    expect(score.total).toBe(5);
    expect(score.penalty).toBe(18);
    expect(score.perThousandWords).toBe(72);
    expect(DEFAULT_WEIGHTS).toEqual({ minor: 1, major: 5, critical: 10 });
  });

  it("counts every category and severity, zeros included", () => {
    const { counts } = qualityScore(errors, 250);
    expect(Object.keys(counts)).toEqual([...MQM_CATEGORIES]);
    for (const c of MQM_CATEGORIES) expect(Object.keys(counts[c])).toEqual([...SEVERITIES]);
    expect(counts["fluency/spelling"]).toEqual({ minor: 2, major: 0, critical: 0 });
    expect(counts["accuracy/mistranslation"]).toEqual({ minor: 0, major: 1, critical: 0 });
    expect(counts["accuracy/omission"]).toEqual({ minor: 0, major: 0, critical: 1 });
    expect(counts.style).toEqual({ minor: 0, major: 0, critical: 0 });
  });

  it("uses other weights when given", () => {
    const score = qualityScore(errors, 400, { minor: 0.5, major: 3, critical: 25 });
    // 3 × 0.5 + 3 + 25 = 29.5; 29.5 × 1000 / 400 = 73.75.
    expect(score.penalty).toBe(29.5);
    expect(score.perThousandWords).toBe(73.75);
  });

  it("keeps raw numbers: no rounding in the score", () => {
    const score = qualityScore([error("style", "minor")], 3);
    expect(score.perThousandWords).toBeCloseTo(333.3333333, 6);
    expect(formatScore(score.perThousandWords)).toBe("333.33");
    expect(formatScore(score.perThousandWords, "fr")).toBe("333,33");
    expect(formatScore(72)).toBe("72.00");
  });

  it("scores no errors as zero, and a text without words as zero per thousand", () => {
    const none = qualityScore([], 120);
    expect(none).toMatchObject({ total: 0, penalty: 0, perThousandWords: 0 });
    const empty = qualityScore([error("terminology", "major")], 0);
    expect(empty).toMatchObject({ total: 1, penalty: 5, perThousandWords: 0 });
  });

  it("refuses unknown categories or severities and negative word counts", () => {
    expect(() => qualityScore([{ category: "accuracy" as MqmCategory, severity: "minor" }], 10)).toThrow(RangeError);
    expect(() => qualityScore([{ category: "style", severity: "fatal" as Severity }], 10)).toThrow(RangeError);
    expect(() => qualityScore([], -1)).toThrow(RangeError);
  });
});
