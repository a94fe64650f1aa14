import { describe, expect, it } from "vitest";
import { checkDocument } from "../../../lib/checks";
import { findSpeller, prepareSpeller, SpellerMissing } from "../../../server/checks/speller";
import { describeIfAvailable } from "../../support/requirements";

const engine = findSpeller();

describeIfAvailable("hunspell + hunspell-fr", engine !== undefined)("the Hunspell speller", () => {
  it("knows the words of the paragraphs it was prepared for, and says when it was not asked", async () => {
    const speller = await prepareSpeller(["Les autorités ont renforcé les controles, faitvaloir."]);
    expect(speller.isKnown("autorités")).toBe(true);
    expect(speller.isKnown("controles")).toBe(false);
    expect(speller.isKnown("fait")).toBe(true);
    expect(speller.isKnown("valoir")).toBe(true);
    expect(speller.isKnown("maison")).toBeUndefined();
  });

  it("drives the spelling rules on real French", async () => {
    const fr = ["Les fabricants ont dû faitvaloir leurs droits face aux controles de Deepseek."];
    const speller = await prepareSpeller(fr);
    const flags = checkDocument({ fr, en: ["The manufacturers had to assert their rights against DeepSeek's controls."] }, { speller }, { only: [0] });
    expect(flags.filter((f) => f.rule.startsWith("spelling/")).map((f) => [fr[0]!.slice(f.start, f.end), f.rule, f.replacement])).toEqual([
      ["faitvaloir", "spelling/run-together", "fait valoir"],
      ["controles", "spelling/unknown-word", undefined],
    ]);
  });
});

describe("without Hunspell", () => {
  it("says the speller is missing", async () => {
    expect(findSpeller({ PATH: "/nonexistent" })).toBeUndefined();
    const original = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      await expect(prepareSpeller(["x"])).rejects.toBeInstanceOf(SpellerMissing);
    } finally {
      process.env.PATH = original;
    }
  });
});
