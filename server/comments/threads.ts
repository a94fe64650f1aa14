/// Comment threads on any words of any paragraph: open one on a span (its first comment), reply,
/// resolve and reopen. Each step is one transaction that also notifies the people concerned
/// (mentions, and the others who took part) and appends a `threads.changed` event carrying the
/// thread as it now stands; callers publish the returned document ids after the commit.
import "server-only";
import type { Kysely } from "kysely";
import { anchorProblem, anchorThrough } from "../../lib/comments/anchor";
import type { ThreadView } from "../../lib/comments/view";
import { can, type Role } from "../../lib/auth/roles";
import type { Db } from "../db/connection";
import type { Database } from "../db/schema";
import { threadsChanged } from "./events";
import { CorrectionError } from "../corrections/errors";
import { inTurn, mentionedUsers, type Author, type Outcome } from "../corrections/workflow";
import { threadNotifications } from "./notify";
import { listThreads } from "./views";

/// The longest comment, in characters.
export const MAX_COMMENT_LENGTH = 4000;

function commentText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw new CorrectionError("emptyChange", "a comment needs some text");
  if (trimmed.length > MAX_COMMENT_LENGTH) throw new CorrectionError("badAnchor", "a comment is too long", { problem: "tooLong" });
  return trimmed;
}

export interface NewThread {
  documentId: number;
  paragraphId: number;
  /// The paragraph revision the offsets refer to (the text the reader selected in).
  revision: number;
  start: number;
  end: number;
  /// The selected words, which must stand at `[start, end)` of that revision.
  quote: string;
  /// The first comment.
  text: string;
  author: Author;
  at?: string;
}

/// Opens a thread on words of a French or English paragraph, with its first comment. Offsets
/// made against an older revision are mapped through the changes since; when those replaced
/// the words, it is refused (`paragraphChanged`) and the reader selects again.
export async function createThread(db: Db, input: NewThread): Promise<Outcome<ThreadView>> {
  const text = commentText(input.text);
  return inTurn(db, async (trx) => {
    const p = await trx
      .selectFrom("paragraphs")
      .select(["id", "text", "revision"])
      .where("id", "=", input.paragraphId)
      .where("document_id", "=", input.documentId)
      .where("removed", "=", 0)
      .executeTakeFirst();
    if (!p) throw new CorrectionError("unknownParagraph", `no paragraph ${input.paragraphId} in this document`, { id: input.paragraphId });
    if (!Number.isSafeInteger(input.revision) || input.revision < 1 || input.revision > p.revision) {
      throw new CorrectionError("paragraphChanged", "the paragraph has no such revision", { revision: p.revision });
    }
    let span: { start: number; end: number } | null = { start: input.start, end: input.end };
    if (input.revision < p.revision) {
      const later = await trx
        .selectFrom("revisions")
        .select(["start", "end", "inserted"])
        .where("paragraph_id", "=", p.id)
        .where("revision", ">", input.revision)
        .orderBy("revision")
        .execute();
      // Every revision since must be known to map through it (English ones have no history).
      span = later.length === p.revision - input.revision ? anchorThrough(span, later) : null;
      if (!span) throw new CorrectionError("paragraphChanged", "the words you selected changed; select them again", { revision: p.revision });
    }
    const problem = anchorProblem(p.text, { ...span, quote: input.quote });
    if (problem) throw new CorrectionError("badAnchor", `the selection is not a span of the paragraph (${problem})`, { problem });
    const at = input.at ?? new Date().toISOString();
    const { id } = await trx
      .insertInto("threads")
      .values({
        document_id: input.documentId,
        paragraph_id: p.id,
        base_revision: p.revision,
        start: span.start,
        end: span.end,
        quote: input.quote,
        author_id: input.author.id,
        author_name: input.author.name,
        created_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await addComment(trx, input.documentId, id, input.author, text, at);
    return { value: await thread(trx, input.documentId, id), documents: [input.documentId] };
  });
}

/// Adds a reply to a thread (resolved or stale threads may still be answered).
export async function replyToThread(db: Db, input: { documentId: number; threadId: number; author: Author; text: string; at?: string }): Promise<Outcome<ThreadView>> {
  const text = commentText(input.text);
  return inTurn(db, async (trx) => {
    await threadRow(trx, input.documentId, input.threadId);
    await addComment(trx, input.documentId, input.threadId, input.author, text, input.at ?? new Date().toISOString());
    return { value: await thread(trx, input.documentId, input.threadId), documents: [input.documentId] };
  });
}

/// Resolves (`resolved: true`) or reopens a thread. Its author, reviewers and admins may; anyone
/// else is refused (`threadForbidden`). Asking for the state it is in already changes nothing.
export async function setThreadResolved(
  db: Db,
  input: { documentId: number; threadId: number; resolved: boolean; actor: { id: number; name: string; role: Role }; at?: string },
): Promise<Outcome<ThreadView>> {
  return inTurn(db, async (trx) => {
    const t = await threadRow(trx, input.documentId, input.threadId);
    if (t.author_id !== input.actor.id && !can(input.actor.role, "review")) {
      throw new CorrectionError("threadForbidden", "only the thread's author, reviewers and admins resolve it");
    }
    if ((t.resolved_at !== null) === input.resolved) return { value: await thread(trx, input.documentId, t.id), documents: [] };
    const set = input.resolved ? { resolved_at: input.at ?? new Date().toISOString(), resolved_by_name: input.actor.name } : { resolved_at: null, resolved_by_name: null };
    await trx.updateTable("threads").set(set).where("id", "=", t.id).execute();
    await threadsChanged(trx, input.documentId, [t.id]);
    return { value: await thread(trx, input.documentId, t.id), documents: [input.documentId] };
  });
}

async function threadRow(trx: Kysely<Database>, documentId: number, threadId: number) {
  const t = await trx
    .selectFrom("threads")
    .select(["id", "author_id", "resolved_at"])
    .where("id", "=", threadId)
    .where("document_id", "=", documentId)
    .executeTakeFirst();
  if (!t) throw new CorrectionError("unknownThread", `no thread ${threadId} in this document`, { id: threadId });
  return t;
}

async function thread(trx: Kysely<Database>, documentId: number, id: number): Promise<ThreadView> {
  const [view] = await listThreads(trx, documentId, { ids: [id] });
  return view;
}

/// Stores a comment, notifies, and appends the thread's event.
async function addComment(trx: Kysely<Database>, documentId: number, threadId: number, author: Author, text: string, at: string): Promise<void> {
  const mentioned = await mentionedUsers(trx, text);
  const { id: commentId } = await trx
    .insertInto("thread_comments")
    .values({
      thread_id: threadId,
      document_id: documentId,
      author_id: author.id,
      author_name: author.name,
      text,
      mentions: JSON.stringify(mentioned.map((u) => u.name)),
      created_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await threadNotifications(trx, { documentId, threadId, commentId, author, text, mentioned: mentioned.map((u) => u.id), at });
  await threadsChanged(trx, documentId, [threadId]);
}
