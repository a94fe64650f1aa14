/// Reading comment threads as the interface shows them (lib/comments/view.ts), by paragraph or
/// by id, so that a reader that shows a page of rows loads the threads of those rows only.
import "server-only";
import type { Kysely } from "kysely";
import type { ThreadCommentView, ThreadView } from "../../lib/comments/view";
import type { Database } from "../db/schema";

/// The most paragraph ids (or thread ids) one read takes: larger lists are read in chunks.
const CHUNK = 500;

/// The threads of a document with their comments, oldest first: those of `paragraphIds`, or
/// those of `ids`, or all of them when neither is given.
export async function listThreads(db: Kysely<Database>, documentId: number, which: { paragraphIds?: readonly number[]; ids?: readonly number[] } = {}): Promise<ThreadView[]> {
  const list = which.paragraphIds ?? which.ids;
  if (list && list.length === 0) return [];
  if (list && list.length > CHUNK) {
    const out: ThreadView[] = [];
    for (let i = 0; i < list.length; i += CHUNK) {
      const chunk = list.slice(i, i + CHUNK);
      out.push(...(await listThreads(db, documentId, which.paragraphIds ? { paragraphIds: chunk } : { ids: chunk })));
    }
    return out.sort((a, b) => a.id - b.id);
  }
  let q = db
    .selectFrom("threads as t")
    .innerJoin("paragraphs as p", "p.id", "t.paragraph_id")
    .select([
      "t.id",
      "t.paragraph_id",
      "p.lang",
      "p.position",
      "t.base_revision",
      "t.start",
      "t.end",
      "t.quote",
      "t.stale_revision",
      "t.resolved_at",
      "t.resolved_by_name",
      "t.author_name",
      "t.created_at",
    ])
    .where("t.document_id", "=", documentId)
    .orderBy("t.id");
  if (which.paragraphIds) q = q.where("t.paragraph_id", "in", [...which.paragraphIds]);
  else if (which.ids) q = q.where("t.id", "in", [...which.ids]);
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const comments = await db
    .selectFrom("thread_comments")
    .select(["id", "thread_id", "author_name", "text", "mentions", "created_at"])
    .where(
      "thread_id",
      "in",
      rows.map((r) => r.id),
    )
    .orderBy("id")
    .execute();
  const byThread = new Map<number, ThreadCommentView[]>();
  for (const c of comments) {
    const view = { id: c.id, author: c.author_name, text: c.text, mentions: JSON.parse(c.mentions) as string[], createdAt: c.created_at };
    byThread.set(c.thread_id, [...(byThread.get(c.thread_id) ?? []), view]);
  }
  return rows.map((r) => ({
    id: r.id,
    paragraphId: r.paragraph_id,
    lang: r.lang as "fr" | "en",
    position: r.position,
    revision: r.base_revision,
    start: r.start,
    end: r.end,
    quote: r.quote,
    stale: r.stale_revision !== null,
    resolved: r.resolved_at === null ? null : { by: r.resolved_by_name ?? "", at: r.resolved_at },
    author: r.author_name,
    createdAt: r.created_at,
    comments: byThread.get(r.id) ?? [],
  }));
}
