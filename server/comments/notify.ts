/// Who hears of a new comment in a thread: the accounts it mentions ("mention"), and everyone
/// else who took part — the thread's author and earlier commenters ("reply") — never the one who
/// wrote it. Delivered through the notifications' channels, in the comment's transaction.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { commentRecipients, notify } from "../notifications/store";

export async function threadNotifications(
  trx: Kysely<Database>,
  c: { documentId: number; threadId: number; commentId: number; author: { id: number | null; name: string }; text: string; mentioned: readonly number[]; at: string },
): Promise<void> {
  const [thread, commenters] = await Promise.all([
    trx.selectFrom("threads").select("author_id").where("id", "=", c.threadId).executeTakeFirst(),
    trx.selectFrom("thread_comments").select("author_id").distinct().where("thread_id", "=", c.threadId).where("id", "<>", c.commentId).execute(),
  ]);
  const recipients = commentRecipients(c.mentioned, [thread?.author_id ?? null, ...commenters.map((r) => r.author_id)], c.author.id);
  await notify(
    trx,
    [...recipients].map(([userId, kind]) => ({
      userId,
      kind,
      documentId: c.documentId,
      suggestionId: null,
      commentId: c.commentId,
      threadId: c.threadId,
      actorName: c.author.name,
      excerpt: c.text,
      createdAt: c.at,
    })),
  );
}
