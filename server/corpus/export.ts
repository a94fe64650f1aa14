/// Writing a stored document back out, as text files or as one JSON document.
import "server-only";
import { joinParagraphs } from "../../lib/text/paragraphs";
import type { DocumentView } from "../documents";

/// The export formats the command line and the export route offer.
export const EXPORT_FORMATS = ["txt", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/// A document as text: its current paragraphs in one language, one per line (fr.txt's layout).
export function exportText(doc: DocumentView, lang: "fr" | "en"): string {
  return joinParagraphs(doc.rows.map((r) => r[lang]));
}

/// A document as JSON: metadata and aligned rows with their revisions.
export function exportJson(doc: DocumentView): string {
  return (
    JSON.stringify(
      {
        slug: doc.slug,
        meta: doc.meta,
        rows: doc.rows.map((r) => ({ paragraph: r.position, fr: r.fr, en: r.en, revision: r.revision })),
      },
      null,
      2,
    ) + "\n"
  );
}
