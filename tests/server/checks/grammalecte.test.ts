import { describe, expect, it } from "vitest";
import { codePointToUtf16, findGrammalecte, GrammalecteMissing, parseGrammalecteJson, runGrammalecte } from "../../../server/checks/grammalecte";
import { describeIfAvailable } from "../../support/requirements";

describe("Grammalecte's JSON", () => {
  it("turns code-point offsets into UTF-16 offsets", () => {
    expect(codePointToUtf16("a😀b", 2)).toBe(3);
    expect(codePointToUtf16("abc", 2)).toBe(2);
  });

  it("maps lines to the caller's paragraphs, converts offsets and drops the families nobody reports", () => {
    const paragraphs = ["Un 😀 les chat.", "Texte: fin."];
    const json = JSON.stringify({
      data: [
        { iParagraph: 1, lGrammarErrors: [{ nStart: 9, nEnd: 13, sRuleId: "g3", sType: "gn", sMessage: "Accord.", aSuggestions: ["chats"] }] },
        { iParagraph: 2, lGrammarErrors: [{ nStart: 5, nEnd: 6, sRuleId: "nbsp_avant_deux_points", sType: "nbsp", sMessage: "Espace.", aSuggestions: [" :"] }] },
      ],
    });
    expect(parseGrammalecteJson(json, paragraphs, [7, 8])).toEqual([
      { paragraph: 7, start: 10, end: 14, ruleId: "g3", type: "gn", message: "Accord.", suggestions: ["chats"] },
    ]);
    expect(paragraphs[0]!.slice(10, 14)).toBe("chat");
  });
});

const executable = findGrammalecte();

describeIfAvailable("grammalecte-cli", executable !== undefined)("running Grammalecte", () => {
  it("checks a batch of paragraphs in one run, with UTF-16 offsets", async () => {
    const paragraphs = ["Tout va bien.", "Un 😀 et les chat sont noir."];
    const errors = await runGrammalecte(paragraphs, { indices: [3, 4] });
    const found = errors.map((e) => [e.paragraph, paragraphs[e.paragraph - 3]!.slice(e.start, e.end), e.type]);
    expect(found).toEqual(expect.arrayContaining([[4, "chat", "gn"]]));
    expect(errors.every((e) => e.paragraph === 4)).toBe(true);
  });
});

describe("without Grammalecte", () => {
  it("says it is not installed", async () => {
    expect(findGrammalecte({ PATH: "/nonexistent" })).toBeUndefined();
    const original = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      await expect(runGrammalecte(["x"])).rejects.toBeInstanceOf(GrammalecteMissing);
    } finally {
      process.env.PATH = original;
    }
  });
});

describe("availableEngines", () => {
  it("says which engines are installed", async () => {
    const { availableEngines } = await import("../../../server/checks/engines");
    expect(availableEngines({ PATH: "/nonexistent" })).toEqual({ speller: false, grammalecte: false });
    const { findSpeller } = await import("../../../server/checks/speller");
    expect(availableEngines()).toEqual({ speller: findSpeller() !== undefined, grammalecte: findGrammalecte() !== undefined });
  });
});
