/// What the correction reports read from the database: a document's suggestions (all, or one
/// corrector's), its word count and when it was imported. The figures come from lib/reports.
import "server-only";
import type { Kysely } from "kysely";
import type { ReportSuggestion } from "../lib/reports/corrections";
import { countWords } from "../lib/text/paragraphs";
import type { Database } from "./db/schema";

export interface ReportData {
  suggestions: ReportSuggestion[];
  /// Words of the machine translation as imported (the score's denominator).
  words: number;
  /// The score's starting point: the import, or the first suggestion if a shipped corrections
  /// file dates from before it.
  since: string;
}

/// The suggestions of a document, those made by `author` only when given.
export async function reportData(db: Kysely<Database>, documentId: number, author?: string): Promise<ReportData> {
  let query = db
    .selectFrom("suggestions")
    .select(["id", "author_name", "category", "severity", "status", "created_at", "decided_at", "decided_by_name", "reason", "reverted_at", "same_fix_as"])
    .where("document_id", "=", documentId)
    .orderBy("id");
  if (author !== undefined) query = query.where("author_name", "=", author);
  const [rows, paragraphs, doc] = await Promise.all([
    query.execute(),
    db.selectFrom("paragraphs").select("original").where("document_id", "=", documentId).where("lang", "=", "fr").where("removed", "=", 0).execute(),
    db.selectFrom("documents").select("created_at").where("id", "=", documentId).executeTakeFirstOrThrow(),
  ]);
  return {
    suggestions: rows.map((r) => ({
      id: r.id,
      authorName: r.author_name,
      category: r.category,
      severity: r.severity,
      status: r.status,
      createdAt: r.created_at,
      decidedAt: r.decided_at,
      decidedByName: r.decided_by_name,
      reason: r.reason,
      revertedAt: r.reverted_at,
      sameFixAs: r.same_fix_as,
    })),
    words: paragraphs.reduce((n, p) => n + countWords(p.original), 0),
    since: rows.reduce((first, r) => (r.created_at < first ? r.created_at : first), doc.created_at),
  };
}
