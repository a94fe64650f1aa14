/// The open comment threads of a document as items of a reviewer's to-do list: every thread not
/// resolved, anchored ("open") or with its words replaced ("stale").
import "server-only";
import type { Kysely } from "kysely";
import { threadMentions } from "../../lib/comments/view";
import type { Database } from "../db/schema";
import { listThreads } from "./views";

export interface ThreadTodoItem {
  kind: "thread";
  id: number;
  paragraphId: number;
  /// The paragraph's position among its language's paragraphs, from 0.
  position: number;
  lang: "fr" | "en";
  author: string;
  createdAt: string;
  status: "open" | "stale";
  /// The names mentioned anywhere in the thread.
  mentions: string[];
  /// The words it is about, cut to a line.
  excerpt: string;
}

/// The longest excerpt an item carries (the to-do list shows a line, not a paragraph).
const EXCERPT = 80;

/// The unresolved threads of a document, in order of creation.
export async function openThreadItems(db: Kysely<Database>, documentId: number): Promise<ThreadTodoItem[]> {
  const ids = await db.selectFrom("threads").select("id").where("document_id", "=", documentId).where("resolved_at", "is", null).orderBy("id").execute();
  const threads = await listThreads(
    db,
    documentId,
    { ids: ids.map((r) => r.id) },
  );
  return threads.map((t) => ({
    kind: "thread",
    id: t.id,
    paragraphId: t.paragraphId,
    position: t.position,
    lang: t.lang,
    author: t.author,
    createdAt: t.createdAt,
    status: t.stale ? "stale" : "open",
    mentions: threadMentions(t),
    excerpt: t.quote.length > EXCERPT ? `${t.quote.slice(0, EXCERPT - 1)}…` : t.quote,
  }));
}
