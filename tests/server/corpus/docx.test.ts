import { describe, expect, it } from "vitest";
import { DocumentError } from "../../../lib/corpus/document";
import { docxParagraphs, MAX_DOCX_INFLATED_BYTES } from "../../../server/corpus/docx";
import { docx, docxParts, zip } from "../../support/docx";

async function refusal(bytes: Uint8Array): Promise<DocumentError> {
  try {
    await docxParagraphs(bytes, "rapport.docx");
  } catch (e) {
    if (e instanceof DocumentError) return e;
    throw e;
  }
  throw new Error("expected a DocumentError");
}

describe(".docx", () => {
  it("reads headings, paragraphs and formatted runs, each heading a paragraph of its own", async () => {
    const file = docx([
      { heading: 1, text: "Le contrôle des exportations" },
      { runs: ["Les États-Unis ont ", "restreint", " l'exportation des puces."] },
      { heading: 2, text: "Ce que DeepSeek a fait" },
      { runs: ["Un modèle entraîné pour 5,6 M$."] },
    ]);
    expect(await docxParagraphs(file, "rapport.docx")).toEqual([
      "Le contrôle des exportations",
      "Les États-Unis ont restreint l'exportation des puces.",
      "Ce que DeepSeek a fait",
      "Un modèle entraîné pour 5,6 M$.",
    ]);
  });

  it("refuses a ZIP bomb by its declared sizes, before inflating anything", async () => {
    // 200 MB of zeros deflate to about 200 KB: far over the ratio and the total.
    const parts = docxParts([{ runs: ["x"] }]);
    parts.push({ name: "word/media/zeros.bin", data: Buffer.alloc(MAX_DOCX_INFLATED_BYTES + 1) });
    const e = await refusal(zip(parts));
    expect(e.code).toBe("unsafeFile");
    expect(e.message).toContain("ZIP bomb");
  });

  it("refuses an archive that lies about an entry's size", async () => {
    const parts = docxParts([{ runs: ["Un paragraphe assez long pour que la compression compte."] }]);
    const document = parts.find((p) => p.name === "word/document.xml")!;
    document.declaredSize = 200;
    const e = await refusal(zip(parts));
    expect(e.code).toBe("unsafeFile");
    expect(e.message).toContain("word/document.xml");
  });

  it("refuses what is not a Word document, in one clear error", async () => {
    expect((await refusal(new TextEncoder().encode("Bonjour, je ne suis pas un fichier Word."))).code).toBe("brokenFile");
    expect((await refusal(zip([{ name: "hello.txt", data: Buffer.from("hi") }]))).message).toContain("no word/document.xml");
    const truncated = docx([{ runs: ["Bonjour"] }]);
    expect((await refusal(truncated.subarray(0, truncated.length - 30))).code).toBe("brokenFile");
  });
});
