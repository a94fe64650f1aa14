import { describe, expect, it } from "vitest";
import { DocumentError, isValidSlug, MAX_DOCUMENT_FILE_BYTES, parseDocumentFiles } from "../../../lib/corpus/document";

const utf8 = (s: string) => new TextEncoder().encode(s);
const meta = {
  title: { fr: "Titre", en: "Title" },
  provenance: { fr: { kind: "machine-translation", engine: null }, en: { kind: "human", by: "us" } },
  licence: "CC BY 4.0",
};
const files = (over: Partial<Record<"fr" | "en" | "meta", Uint8Array>> = {}) => ({
  fr: utf8("Titre\nUn paragraphe.\n"),
  en: utf8("Title\nA paragraph.\n"),
  meta: utf8(JSON.stringify(meta)),
  ...over,
});

function refusal(f: () => unknown): DocumentError {
  try {
    f();
  } catch (e) {
    if (e instanceof DocumentError) return e;
    throw e;
  }
  throw new Error("expected a DocumentError");
}

describe("parseDocumentFiles", () => {
  it("returns aligned paragraphs and validated metadata", () => {
    const doc = parseDocumentFiles("essai", files());
    expect(doc.fr).toEqual(["Titre", "Un paragraphe."]);
    expect(doc.en).toEqual(["Title", "A paragraph."]);
    expect(doc.meta.title.en).toBe("Title");
    expect(doc.meta.languages).toEqual({ source: "fr", target: "en" });
  });

  it("keeps fields of meta.json it does not know", () => {
    const doc = parseDocumentFiles("essai", files({ meta: utf8(JSON.stringify({ ...meta, source_url: "x" })) }));
    expect((doc.meta as Record<string, unknown>).source_url).toBe("x");
  });

  it("refuses invalid UTF-8, naming the file", () => {
    const e = refusal(() => parseDocumentFiles("essai", files({ en: new Uint8Array([0x41, 0xc3, 0x28]) })));
    expect(e.code).toBe("notUtf8");
    expect(e.params).toEqual({ file: "en.txt", offset: 1 });
    expect(e.message).toContain("en.txt is not valid UTF-8");
  });

  it("refuses an empty text", () => {
    const e = refusal(() => parseDocumentFiles("essai", files({ fr: utf8("\n  \n") })));
    expect(e.code).toBe("empty");
    expect(e.message).toBe("fr.txt is empty: it needs at least one line of text");
  });

  it("accepts unequal paragraph counts, to be aligned at import", () => {
    const doc = parseDocumentFiles("essai", files({ en: utf8("Title\nA.\nB.\n") }));
    expect([doc.fr.length, doc.en.length, doc.alignment]).toEqual([2, 3, undefined]);
  });

  it("takes the alignment out of meta.json, checked against the texts", () => {
    const alignment = { beads: [{ fr: [0], en: [0] }, { fr: [1], en: [1, 2] }] };
    const doc = parseDocumentFiles("essai", files({ en: utf8("Title\nA.\nB.\n"), meta: utf8(JSON.stringify({ ...meta, alignment })) }));
    expect(doc.alignment).toEqual(alignment.beads);
    expect("alignment" in doc.meta).toBe(false);
    const wrong = { beads: [{ fr: [0], en: [0] }, { fr: [1], en: [1] }] };
    const e = refusal(() => parseDocumentFiles("essai", files({ en: utf8("Title\nA.\nB.\n"), meta: utf8(JSON.stringify({ ...meta, alignment: wrong })) })));
    expect(e.code).toBe("badAlignment");
    expect(e.message).toContain("2 en paragraphs of 3");
  });

  it("refuses meta.json that is not JSON or lacks required fields, saying which", () => {
    expect(refusal(() => parseDocumentFiles("essai", files({ meta: utf8("{title:") }))).code).toBe("metaNotJson");
    const { licence: _, ...noLicence } = meta;
    const e = refusal(() =>
      parseDocumentFiles("essai", files({ meta: utf8(JSON.stringify({ ...noLicence, title: { fr: "Titre" } })) })),
    );
    expect(e.code).toBe("metaIncomplete");
    expect(e.message).toContain("title.en: required");
    expect(e.message).toContain("licence: required");
  });

  it("refuses an unknown provenance kind", () => {
    const bad = { ...meta, provenance: { ...meta.provenance, fr: { kind: "magic" } } };
    expect(refusal(() => parseDocumentFiles("essai", files({ meta: utf8(JSON.stringify(bad)) }))).message).toContain("provenance.fr.kind");
  });

  it("refuses a file over 5 MB", () => {
    const big = new Uint8Array(MAX_DOCUMENT_FILE_BYTES + 1).fill(0x61);
    const e = refusal(() => parseDocumentFiles("essai", files({ fr: big })));
    expect(e.code).toBe("tooLarge");
    expect(e.params.file).toBe("fr.txt");
  });

  it("accepts a file of exactly 5 MB", () => {
    const line = "a".repeat(1023) + "\n";
    const text = line.repeat(MAX_DOCUMENT_FILE_BYTES / 1024);
    const doc = parseDocumentFiles("essai", files({ fr: utf8(text), en: utf8(text) }));
    expect(doc.fr.length).toBe(MAX_DOCUMENT_FILE_BYTES / 1024);
  });

  it("refuses a bad slug", () => {
    expect(refusal(() => parseDocumentFiles("Bad Slug", files())).code).toBe("invalidSlug");
  });
});

describe("isValidSlug", () => {
  it("accepts lower-case words joined by single hyphens, up to 80 characters", () => {
    expect(isValidSlug("deepseek-containment")).toBe(true);
    expect(isValidSlug("a1")).toBe(true);
    for (const bad of ["", "-a", "a-", "a--b", "A", "é", "a b", "../x", "a".repeat(81)]) expect(isValidSlug(bad)).toBe(false);
  });
});
