import { describe, expect, it } from "vitest";
import { excerpt, mentionAtCaret, mentionSpans, notificationHref } from "../../../lib/notifications/view";

describe("mentionSpans", () => {
  it("finds @names, not e-mail addresses or a lone @", () => {
    expect(mentionSpans("Merci @ana et @bob.l, écrire à x@y.fr ou @ seul")).toEqual([
      { start: 6, end: 10, name: "ana", raw: "ana" },
      { start: 14, end: 20, name: "bob.l", raw: "bob.l" },
    ]);
    expect(mentionSpans("@Zoé au début")).toEqual([{ start: 0, end: 4, name: "Zoé", raw: "Zoé" }]);
  });

  it("leaves the punctuation that ends a sentence out of the name", () => {
    expect(mentionSpans("D'accord avec @tess. Et @al-")).toEqual([
      { start: 14, end: 19, name: "tess", raw: "tess." },
      { start: 24, end: 27, name: "al", raw: "al-" },
    ]);
  });
});

describe("mentionAtCaret", () => {
  it("gives the name being typed before the caret", () => {
    expect(mentionAtCaret("Merci @an", 9)).toEqual({ start: 6, prefix: "an" });
    expect(mentionAtCaret("Merci @", 7)).toEqual({ start: 6, prefix: "" });
    expect(mentionAtCaret("Merci @an et", 12)).toBeNull();
    expect(mentionAtCaret("x@y", 3)).toBeNull();
  });
});

describe("notificationHref", () => {
  const document = { slug: "mon doc", title: "T" };
  it("leads to the suggestion's card, else the paragraph, else the document", () => {
    expect(notificationHref({ document, paragraph: 3, suggestionId: 12 })).toBe("/documents/mon%20doc#s-12");
    expect(notificationHref({ document, paragraph: 3, suggestionId: null })).toBe("/documents/mon%20doc#p-3");
    expect(notificationHref({ document, paragraph: null, suggestionId: null })).toBe("/documents/mon%20doc");
  });
});

describe("excerpt", () => {
  it("keeps short text whole and cuts long text at a word with an ellipsis", () => {
    expect(excerpt("  court\n texte ")).toBe("court texte");
    const long = "mot ".repeat(100);
    const cut = excerpt(long);
    expect(cut.length).toBeLessThanOrEqual(280);
    expect(cut.endsWith("mot…")).toBe(true);
  });
});
