/// The exports as streams: the same bytes as exportText / exportJson and the corrections report,
/// read from the database a page at a time (server/corpus/pages.ts), so that exporting a book
/// never holds the server: between pages other requests run.
import "server-only";
import type { Kysely } from "kysely";
import { joinParagraphs } from "../../lib/text/paragraphs";
import { CORRECTIONS_FORMAT, correctionsCsv, correctionsFileOf } from "../corrections/file";
import type { Database } from "../db/schema";
import type { DocumentSummary } from "../documents";
import type { DocumentMeta } from "../../lib/corpus/meta";
import { rowPages, suggestionPagesById, suggestionPagesByParagraph } from "./pages";

/// JSON.stringify(value, null, 2) as it stands at `depth` levels inside a document.
const indented = (value: unknown, depth: number) => JSON.stringify(value, null, 2).replaceAll("\n", "\n" + "  ".repeat(depth));

/// A document's current text in one language, one paragraph per line (exportText's bytes).
export async function* textExport(db: Kysely<Database>, documentId: number, lang: "fr" | "en"): AsyncGenerator<string> {
  for await (const rows of rowPages(db, documentId)) yield joinParagraphs(rows.map((r) => r[lang]));
}

/// A document as JSON: metadata and aligned rows (exportJson's bytes).
export async function* jsonExport(
  db: Kysely<Database>,
  documentId: number,
  doc: Pick<DocumentSummary, "slug"> & { meta: DocumentMeta },
): AsyncGenerator<string> {
  yield `{\n  "slug": ${JSON.stringify(doc.slug)},\n  "meta": ${indented(doc.meta, 1)},\n  "rows": [`;
  let first = true;
  for await (const rows of rowPages(db, documentId)) {
    const part = rows.map((r) => "\n    " + indented({ paragraph: r.position, fr: r.fr, en: r.en, revision: r.revision }, 2)).join(",");
    yield (first ? "" : ",") + part;
    first = false;
  }
  yield first ? "]\n}\n" : "\n  ]\n}\n";
}

/// The corrections report as corrections.json (correctionsFileOf's bytes), suggestions by id.
export async function* correctionsJsonExport(db: Kysely<Database>, documentId: number, slug: string): AsyncGenerator<string> {
  // "Same fix as" points only at suggestions of this document: their ids, read once (small).
  const ids = new Set((await db.selectFrom("suggestions").select("id").where("document_id", "=", documentId).execute()).map((r) => r.id));
  const head = { format: CORRECTIONS_FORMAT, document: slug, exportedAt: new Date().toISOString() };
  yield JSON.stringify(head, null, 2).replace(/\n}$/, ',\n  "suggestions": [');
  let first = true;
  for await (const page of suggestionPagesById(db, documentId)) {
    const entries = correctionsFileOf(slug, page).suggestions.map((entry, i) => {
      const sameFixAs = page[i].sameFixAs;
      return sameFixAs && ids.has(sameFixAs) ? { ...entry, sameFixAs } : entry;
    });
    yield (first ? "" : ",") + entries.map((e) => "\n    " + indented(e, 2)).join(",");
    first = false;
  }
  yield first ? "]\n}\n" : "\n  ]\n}\n";
}

/// The corrections report as CSV (correctionsCsv's bytes), by paragraph and position.
export async function* correctionsCsvExport(db: Kysely<Database>, documentId: number): AsyncGenerator<string> {
  const header = correctionsCsv([]);
  yield header;
  for await (const page of suggestionPagesByParagraph(db, documentId)) yield correctionsCsv(page).slice(header.length);
}
