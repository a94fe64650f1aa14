/// Suggestions, comments and revisions as the interface and the exports see them.
import "server-only";
import type { Kysely, Selectable } from "kysely";
import type { CommentTable, Database, RevisionTable, SuggestionStatus, SuggestionTable } from "../db/schema";

export interface CommentView {
  id: number;
  suggestionId: number;
  author: string;
  text: string;
  mentions: string[];
  createdAt: string;
}

export interface SuggestionView {
  id: number;
  paragraphId: number;
  /// The paragraph's index in its document, from 0 (the title).
  paragraph: number;
  baseRevision: number;
  start: number;
  end: number;
  createdRevision: number;
  createdStart: number;
  createdEnd: number;
  deleted: string;
  inserted: string;
  category: string;
  severity: string;
  note: string;
  status: SuggestionStatus;
  author: string;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  sameFixAs: number | null;
  /// For a suggestion the app proposed from an accepted fix (`sameFixAs`): whose fix that was.
  sameFixBy?: string | null;
  staleBecause: number | null;
  revertedAt: string | null;
  revertedBy: string | null;
  comments: CommentView[];
}

export interface RevisionView {
  id: number;
  paragraphId: number;
  revision: number;
  kind: "accept" | "revert" | "import";
  start: number;
  end: number;
  deleted: string;
  inserted: string;
  textBefore: string;
  textAfter: string;
  suggestionId: number | null;
  actor: string;
  at: string;
  revertedByRevision: number | null;
}

export function commentView(c: Selectable<CommentTable>): CommentView {
  return { id: c.id, suggestionId: c.suggestion_id, author: c.author_name, text: c.text, mentions: JSON.parse(c.mentions), createdAt: c.created_at };
}

export function suggestionView(s: Selectable<SuggestionTable>, position: number, comments: CommentView[] = [], sameFixBy: string | null = null): SuggestionView {
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
  return rows.map((r) => suggestionView(r, r.position, bySuggestion.get(r.id) ?? [], r.same_fix_by));
}
