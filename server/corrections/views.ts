/// Suggestions, comments and revisions as the interface and the exports see them.
import "server-only";
import type { Kysely, Selectable } from "kysely";
import type { CommentView, RevisionView, SuggestionView } from "../../lib/corrections/views";
import type { CommentTable, Database, RevisionTable, SuggestionTable } from "../db/schema";

export function commentView(c: Selectable<CommentTable>): CommentView {
  return { id: c.id, suggestionId: c.suggestion_id, author: c.author_name, text: c.text, mentions: JSON.parse(c.mentions), createdAt: c.created_at };
}

export function suggestionView(s: Selectable<SuggestionTable>, position: number, comments: CommentView[] = [], supporters: string[] = [], sameFixBy: string | null = null): SuggestionView {
  return {
    id: s.id,
    paragraphId: s.paragraph_id,
    paragraph: position,
    baseRevision: s.base_revision,
    start: s.start,
    end: s.end,
    createdRevision: s.created_revision,
    createdStart: s.created_start,
    createdEnd: s.created_end,
    deleted: s.deleted,
    inserted: s.inserted,
    category: s.category,
    severity: s.severity,
    note: s.note,
    status: s.status,
    author: s.author_name,
    createdAt: s.created_at,
    decidedBy: s.decided_by_name,
    decidedAt: s.decided_at,
    reason: s.reason,
    sameFixAs: s.same_fix_as,
    sameFixBy: s.same_fix_as === null ? null : sameFixBy,
    staleBecause: s.stale_because,
    revertedAt: s.reverted_at,
    revertedBy: s.reverted_by_name,
    comments,
    supporters,
  };
}

export function revisionView(r: Selectable<RevisionTable>): RevisionView {
  return {
    id: r.id,
    paragraphId: r.paragraph_id,
    revision: r.revision,
    kind: r.kind,
    start: r.start,
    end: r.end,
    deleted: r.deleted,
    inserted: r.inserted,
    textBefore: r.text_before,
    textAfter: r.text_after,
    suggestionId: r.suggestion_id,
    actor: r.actor_name,
    at: r.at,
    revertedByRevision: r.reverted_by_revision,
  };
}

/// Every suggestion of a document with its comments, by paragraph then position; `ids` narrows
/// the list.
export async function listSuggestions(db: Kysely<Database>, documentId: number, ids?: number[]): Promise<SuggestionView[]> {
  if (ids && ids.length === 0) return [];
  let q = db
    .selectFrom("suggestions as s")
    .innerJoin("paragraphs as p", "p.id", "s.paragraph_id")
    .leftJoin("suggestions as fix", "fix.id", "s.same_fix_as")
    .selectAll("s")
    .select(["p.position", "fix.author_name as same_fix_by"])
    .where("s.document_id", "=", documentId)
    .orderBy("p.position")
    .orderBy("s.start")
    .orderBy("s.id");
  if (ids) q = q.where("s.id", "in", ids);
  const rows = await q.execute();
  let cq = db.selectFrom("comments").selectAll().where("document_id", "=", documentId).orderBy("id");
  if (ids) cq = cq.where("suggestion_id", "in", ids);
  const comments = (await cq.execute()).map(commentView);
  const bySuggestion = new Map<number, CommentView[]>();
  for (const c of comments) bySuggestion.set(c.suggestionId, [...(bySuggestion.get(c.suggestionId) ?? []), c]);
  let sq = db
    .selectFrom("suggestion_supporters as u")
    .innerJoin("suggestions as s", "s.id", "u.suggestion_id")
    .select(["u.suggestion_id", "u.user_name"])
    .where("s.document_id", "=", documentId)
    .orderBy("u.created_at")
    .orderBy("u.user_name");
  if (ids) sq = sq.where("u.suggestion_id", "in", ids);
  const supporters = new Map<number, string[]>();
  for (const u of await sq.execute()) supporters.set(u.suggestion_id, [...(supporters.get(u.suggestion_id) ?? []), u.user_name]);
  return rows.map((r) => suggestionView(r, r.position, bySuggestion.get(r.id) ?? [], supporters.get(r.id) ?? [], r.same_fix_by));
}
