/// Reading documents for pages, route handlers and the command line.
import "server-only";
import type { Kysely } from "kysely";
import type { DocumentMeta } from "../lib/corpus/meta";
import type { Database } from "./db/schema";

/// A document as the home page lists it.
export interface DocumentSummary {
  slug: string;
  title: { fr: string; en: string };
  sourceLang: string;
  targetLang: string;
  paragraphs: number;
}

/// One aligned row of a document: a French paragraph and its English counterpart.
export interface DocumentRow {
  /// Index among the document's paragraphs, from 0 (the title).
  position: number;
  /// The id of the French paragraph (what suggestions are anchored to).
  paragraphId: number;
  fr: string;
  en: string;
  /// The French paragraph's revision.
  revision: number;
}

/// A document with its rows, in reading order.
export interface DocumentView extends DocumentSummary {
  meta: DocumentMeta;
  rows: DocumentRow[];
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
  const doc = await db.selectFrom("documents").selectAll().where("slug", "=", slug).executeTakeFirst();
  if (!doc) return null;
  const paragraphs = await db
    .selectFrom("paragraphs")
    .select(["id", "lang", "position", "text", "revision"])
    .where("document_id", "=", doc.id)
    .where("removed", "=", 0)
    .orderBy("position")
    .execute();
  const rows = alignedRows(paragraphs);
  return {
    slug: doc.slug,
    title: { fr: rows[0]?.position === 0 && rows[0].fr ? rows[0].fr : doc.title_fr, en: doc.title_en },
    sourceLang: doc.source_lang,
    targetLang: doc.target_lang,
    paragraphs: rows.length,
    meta: JSON.parse(doc.meta) as DocumentMeta,
    rows,
  };
}
