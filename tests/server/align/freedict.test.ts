import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { alignParagraphs } from "../../../lib/align";
import { dictNumber, FREEDICT_DIR, freedictAvailable, loadFreedictLexicon } from "../../../server/align/freedict";
import { beadF1, editedVariant } from "../../support/align-gold";
import { describeIfAvailable } from "../../support/requirements";
import { udhr } from "../../support/udhr";

describe("FreeDict lexicon: reading", () => {
  it("reads dictd's base64 numbers", () => {
    expect(dictNumber("A")).toBe(0);
    expect(dictNumber("B")).toBe(1);
    expect(dictNumber("BA")).toBe(64);
    expect(dictNumber("8m")).toBe(60 * 64 + 38);
  });

  it("says so (null) when the dictionary is not installed", () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "vis-a-vis-nodict-"));
    try {
      expect(freedictAvailable(empty)).toBe(false);
      expect(loadFreedictLexicon(empty)).toBeNull();
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

describeIfAvailable("dict-freedict-fra-eng", freedictAvailable())("FreeDict lexicon: the installed dictionary", () => {
  it("maps French words to single English words", () => {
    const lexicon = loadFreedictLexicon(FREEDICT_DIR)!;
    expect(lexicon.size).toBeGreaterThan(5000);
    expect(lexicon.get("dignité")).toContain("dignity");
    expect(lexicon.get("abandonner")).toEqual(expect.arrayContaining(["abandon", "yield"]));
    for (const ens of lexicon.values()) for (const en of ens) expect(en).toMatch(/^[\p{L}][\p{L}'-]*$/u);
  });

  it("keeps the aligner above its accuracy floor on the 30 hard UDHR variants (the command line uses it)", () => {
    const lexicon = loadFreedictLexicon(FREEDICT_DIR)!;
    const u = udhr();
    let sum = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const v = editedVariant(u, seed);
      sum += beadF1(alignParagraphs(v.fr, v.en, { lexicon }), v.gold);
    }
    expect(sum / 30).toBeGreaterThanOrEqual(0.97);
  });
});
