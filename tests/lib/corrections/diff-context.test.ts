import { diffWordsWithSpace } from "diff";
import { describe, expect, it } from "vitest";
import { withContext, type DiffPart, type Elision } from "../../../lib/corrections/diff-context";

const show = (parts: Array<DiffPart | Elision>) =>
  parts.map((p) => ("elided" in p ? "…" : p.added ? `[+${p.value}]` : p.removed ? `[-${p.value}]` : p.value)).join("");

describe("withContext", () => {
  const before = "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze";
  it("keeps a few words around a change and elides the rest", () => {
    const after = before.replace("huit", "HUIT");
    expect(show(withContext(diffWordsWithSpace(before, after), 2))).toBe("… six sept [-huit][+HUIT] neuf dix …");
  });

  it("elides between two distant changes, and keeps short stretches whole", () => {
    const after = before.replace("deux", "DEUX").replace("quatorze", "QUATORZE");
    expect(show(withContext(diffWordsWithSpace(before, after), 2))).toBe("un [-deux][+DEUX] trois quatre … douze treize [-quatorze][+QUATORZE] quinze");
  });

  it("leaves a diff without unchanged stretches, or an unchanged text with no change, as it can", () => {
    expect(show(withContext(diffWordsWithSpace("a", "b"), 3))).toBe("[-a][+b]");
    expect(show(withContext(diffWordsWithSpace("même texte", "même texte"), 3))).toBe("même texte");
  });
});
