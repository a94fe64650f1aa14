import { describe, expect, it } from "vitest";
import {
  MQM_CATEGORIES,
  SEVERITIES,
  categoryBranch,
  isMqmCategory,
  isSeverity,
} from "../../../lib/corrections/categories";

describe("MQM categories", () => {
  it("lists the ten categories of the product's typology", () => {
    expect(MQM_CATEGORIES).toHaveLength(10);
    expect(MQM_CATEGORIES).toContain("accuracy/omission");
    expect(MQM_CATEGORIES).toContain("fluency/typography");
  });

  it("recognises categories and nothing else", () => {
    for (const c of MQM_CATEGORIES) expect(isMqmCategory(c)).toBe(true);
    for (const v of ["accuracy", "Terminology", "fluency/", "", null, 3, undefined]) expect(isMqmCategory(v)).toBe(false);
  });

  it("names the branch of every category", () => {
    expect(categoryBranch("accuracy/mistranslation")).toBe("accuracy");
    expect(categoryBranch("fluency/punctuation")).toBe("fluency");
    expect(categoryBranch("terminology")).toBe("terminology");
    expect(categoryBranch("style")).toBe("style");
    expect(new Set(MQM_CATEGORIES.map(categoryBranch))).toEqual(new Set(["accuracy", "fluency", "terminology", "style"]));
  });
});

describe("severities", () => {
  it("go from minor to critical", () => {
    expect(SEVERITIES).toEqual(["minor", "major", "critical"]);
  });

  it("are recognised and nothing else", () => {
    for (const s of SEVERITIES) expect(isSeverity(s)).toBe(true);
    for (const v of ["Minor", "neutral", "", null, 1]) expect(isSeverity(v)).toBe(false);
  });
});
