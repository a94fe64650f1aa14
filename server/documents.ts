/// Reading documents for pages, route handlers and the command line.
import "server-only";
import type { Kysely } from "kysely";
import { isValidSlug } from "../lib/corpus/document";
import type { AlignedBead } from "../lib/corpus/alignment";
import type { DocumentMeta } from "../lib/corpus/meta";
import { beadsOf } from "./corpus/alignment";
import type { Database } from "./db/schema";

/// A document as the home page lists it.
export interface DocumentSummary {
  slug: string;
  title: { fr: string; en: string };
  sourceLang: string;
  targetLang: string;
  paragraphs: number;
}

/// One French paragraph of a document, with the English of its bead.
export interface DocumentRow {
  /// Index among the document's French paragraphs, from 0 (the title).
  position: number;
  /// The id of the French paragraph (what suggestions are anchored to).
  paragraphId: number;
  fr: string;
  /// The English paragraphs of this paragraph's bead, one per line, on the bead's first French
  /// paragraph ("" on the others). One line to one line, the English paragraph of that position.
  en: string;
  /// The French paragraph's revision.
  revision: number;
}

/// One paragraph of either language.
export interface ParagraphView {
  position: number;
  id: number;
  text: string;
  revision: number;
}

/// A document with its rows, in reading order.
export interface DocumentView extends DocumentSummary {
  meta: DocumentMeta;
  rows: DocumentRow[];
  /// Every paragraph of each language, by position.
  texts: { fr: ParagraphView[]; en: ParagraphView[] };
  /// How they pair up: beads in reading order (one to one unless the document says otherwise).
  beads: AlignedBead[];
  /// Whether the beads are other than one line to one line.
  aligned: boolean;
}

/// Every document, by French title, with its paragraph count.
export async function listDocuments(db: Kysely<Database>): Promise<DocumentSummary[]> {
  const rows = await db
    .selectFrom("documents as d")
    .leftJoin("paragraphs as p", (j) => j.onRef("p.document_id", "=", "d.id").on("p.lang", "=", "fr").on("p.removed", "=", 0))
    .select((eb) => ["d.slug", "d.title_fr", "d.title_en", "d.source_lang", "d.target_lang", eb.fn.count<number>("p.id").as("paragraphs")])
    .groupBy(["d.id", "d.slug", "d.title_fr", "d.title_en", "d.source_lang", "d.target_lang"])
    .orderBy("d.title_fr")
    .execute();
  // The French title is the title paragraph as corrected so far (meta.json has it as imported).
  const titles = new Map(
    (
      await db
        .selectFrom("paragraphs as p")
        .innerJoin("documents as d", "d.id", "p.document_id")
        .select(["d.slug", "p.text"])
        .where("p.lang", "=", "fr")
        .where("p.position", "=", 0)
        .where("p.removed", "=", 0)
        .execute()
    ).map((t) => [t.slug, t.text]),
  );
  return rows.map((r) => ({
    slug: r.slug,
    title: { fr: titles.get(r.slug) ?? r.title_fr, en: r.title_en },
    sourceLang: r.source_lang,
    targetLang: r.target_lang,
    paragraphs: Number(r.paragraphs),
  }));
}

/// The id of the document with this slug, or null.
export async function documentIdBySlug(db: Kysely<Database>, slug: string): Promise<number | null> {
  if (!isValidSlug(slug)) return null; // never looked up: no document has it (and PostgreSQL refuses NUL)
  const row = await db.selectFrom("documents").select("id").where("slug", "=", slug).executeTakeFirst();
  return row?.id ?? null;
}

/// Paragraphs of both languages paired into rows by position, in reading order.
export function alignedRows(paragraphs: { id: number; lang: "fr" | "en"; position: number; text: string; revision: number }[]): DocumentRow[] {
  const byPosition = new Map<number, DocumentRow>();
  for (const p of paragraphs) {
    const row = byPosition.get(p.position) ?? { position: p.position, paragraphId: 0, fr: "", en: "", revision: 0 };
    row[p.lang] = p.text;
    if (p.lang === "fr") {
      row.revision = p.revision;
      row.paragraphId = p.id;
    }
    byPosition.set(p.position, row);
  }
  return [...byPosition.values()].sort((a, b) => a.position - b.position);
}

/// A document's meta.json as imported.
export async function documentMeta(db: Kysely<Database>, documentId: number): Promise<DocumentMeta> {
  const row = await db.selectFrom("documents").select("meta").where("id", "=", documentId).executeTakeFirstOrThrow();
  return JSON.parse(row.meta) as DocumentMeta;
}

/// One document with its aligned rows, or null when no document has that slug.
export async function getDocument(db: Kysely<Database>, slug: string): Promise<DocumentView | null> {
  if (!isValidSlug(slug)) return null;
  const doc = await db.selectFrom("documents").selectAll().where("slug", "=", slug).executeTakeFirst();
  if (!doc) return null;
  const paragraphs = await db
    .selectFrom("paragraphs")
    .select(["id", "lang", "position", "text", "revision"])
    .where("document_id", "=", doc.id)
    .where("removed", "=", 0)
    .orderBy("position")
    .execute();
  const split = { fr: [] as ParagraphView[], en: [] as ParagraphView[] };
  for (const p of paragraphs) split[p.lang].push({ position: p.position, id: p.id, text: p.text, revision: p.revision });
  const beads = beadsOf(doc.alignment, { fr: split.fr.length, en: split.en.length });
  const englishOf = new Map<number, string>();
  for (const b of beads) if (b.fr.length) englishOf.set(b.fr[0], b.en.map((i) => split.en[i]?.text ?? "").join("\n"));
  const rows: DocumentRow[] = split.fr.map((p) => ({ position: p.position, paragraphId: p.id, fr: p.text, en: englishOf.get(p.position) ?? "", revision: p.revision }));
  return {
    slug: doc.slug,
    title: { fr: rows[0]?.position === 0 && rows[0].fr ? rows[0].fr : doc.title_fr, en: doc.title_en },
    sourceLang: doc.source_lang,
    targetLang: doc.target_lang,
    paragraphs: rows.length,
    meta: JSON.parse(doc.meta) as DocumentMeta,
    rows,
    texts: split,
    beads,
    aligned: doc.alignment !== null,
  };
}
