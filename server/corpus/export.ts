/// Writing a stored document back out, as text files or as one JSON document.
import "server-only";
import { joinParagraphs } from "../../lib/text/paragraphs";
import type { DocumentView } from "../documents";

/// The export formats the command line and the export route offer.
export const EXPORT_FORMATS = ["txt", "json", "meta"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/// A document as text: its current paragraphs in one language, one per line (fr.txt's layout).
export function exportText(doc: DocumentView, lang: "fr" | "en"): string {
  return joinParagraphs(doc.texts[lang].map((p) => p.text));
}

/// meta.json as a document folder has it: with the alignment when it is not one to one.
export function exportMeta(doc: DocumentView): string {
  const meta = JSON.stringify(doc.meta, null, 2);
  if (!doc.aligned) return meta + "\n";
  // One bead per line, so that a person can read and edit the alignment.
  const beads = doc.beads.map((b) => `      ${JSON.stringify(b)}`).join(",\n");
  return `${meta.slice(0, meta.lastIndexOf("}")).trimEnd()},\n  "alignment": {\n    "beads": [\n${beads}\n    ]\n  }\n}\n`;
}

/// A document as JSON: metadata and rows with their revisions; a document that is not one line
/// to one line also has its English paragraphs and its alignment.
export function exportJson(doc: DocumentView): string {
  return (
    JSON.stringify(
      {
        slug: doc.slug,
        meta: doc.meta,
        rows: doc.rows.map((r) => ({ paragraph: r.position, fr: r.fr, en: r.en, revision: r.revision })),
        ...(doc.aligned ? { en: doc.texts.en.map((p) => p.text), alignment: { beads: doc.beads } } : {}),
      },
      null,
      2,
    ) + "\n"
  );
}
