/// A paragraph's history: every revision with who, when and why, and its original text.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import type { ParagraphHistory } from "../../lib/corrections/views";
import { listSuggestions, revisionView } from "./views";

/// The history of the French paragraph at `position`, newest revision first; null if none.
export async function paragraphHistory(db: Kysely<Database>, documentId: number, position: number): Promise<ParagraphHistory | null> {
  const p = await db
    .selectFrom("paragraphs")
    .selectAll()
    .where("document_id", "=", documentId)
    .where("lang", "=", "fr")
    .where("position", "=", position)
    .where("removed", "=", 0)
    .executeTakeFirst();
  if (!p) return null;
  const rows = await db.selectFrom("revisions").selectAll().where("paragraph_id", "=", p.id).orderBy("revision", "desc").execute();
  const ids = rows.flatMap((r) => (r.suggestion_id === null ? [] : [r.suggestion_id]));
  const suggestions = new Map((await listSuggestions(db, documentId, [...new Set(ids)])).map((s) => [s.id, s]));
  return {
    paragraphId: p.id,
    position: p.position,
    original: p.original,
    text: p.text,
    revision: p.revision,
    revisions: rows.map((r) => ({ ...revisionView(r), suggestion: r.suggestion_id === null ? null : (suggestions.get(r.suggestion_id) ?? null) })),
  };
}
